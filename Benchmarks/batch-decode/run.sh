#!/bin/sh
# Builds Benchmarks/batch-decode/main.swift with the providers' JSON files (-O) and runs it.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${TMPDIR:-/tmp}/authdesk-batch-decode
src=$root/Sources/AuthdeskServices
swiftc -O -module-name BatchDecode "$root/Benchmarks/batch-decode/main.swift" "$src/JSONScanner.swift" \
    "$src/JSONScanner+String.swift" "$src/GraphBatchEnvelope.swift" "$src/JSONValue.swift" -o "$out"
"$out"
