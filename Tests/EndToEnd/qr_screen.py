"""Reads a QR code off the emulated screen and decodes it, so that a test checks what a phone
would scan: the console draws two modules a cell with `▀` (top module in the foreground colour,
bottom in the background, black or white). Decodes byte mode, level L, versions 1 to 10, with no
error correction (the screen has no errors): format information, mask, zigzag, blocks."""

TOTAL = [26, 44, 70, 100, 134, 172, 196, 242, 292, 346]
ECC = [7, 10, 15, 20, 26, 18, 20, 24, 30, 18]
BLOCKS = [1, 1, 1, 1, 1, 2, 2, 2, 2, 4]
ALIGN = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]]
MASKS = [
    lambda x, y: (x + y) % 2 == 0,
    lambda x, y: y % 2 == 0,
    lambda x, y: x % 3 == 0,
    lambda x, y: (x + y) % 3 == 0,
    lambda x, y: (x // 3 + y // 2) % 2 == 0,
    lambda x, y: x * y % 2 + x * y % 3 == 0,
    lambda x, y: (x * y % 2 + x * y % 3) % 2 == 0,
    lambda x, y: ((x + y) % 2 + x * y % 3) % 2 == 0,
]


def modules_on(screen):
    """The dark modules the screen shows, cropped to the code (quiet zone removed), or None."""
    cells = {}
    for y in range(screen.lines):
        row = screen.buffer[y]
        for x in range(screen.columns):
            char = row[x]
            if char.data == "▀" and char.fg in ("black", "white") and char.bg in ("black", "white"):
                cells[(x, y)] = (char.fg == "black", char.bg == "black")
    if not cells:
        return None
    dark = {(x, 2 * y + half) for (x, y), pair in cells.items() for half in (0, 1) if pair[half]}
    left, top = min(x for x, _ in dark), min(y for _, y in dark)
    right, bottom = max(x for x, _ in dark), max(y for _, y in dark)
    size = right - left + 1
    assert size == bottom - top + 1, "a QR code is square"
    return [[(left + x, top + y) in dark for x in range(size)] for y in range(size)]


def function_modules(version):
    size = 17 + 4 * version
    f = [[False] * size for _ in range(size)]
    for i in range(size):
        f[6][i] = f[i][6] = True
    for cx, cy in [(3, 3), (size - 4, 3), (3, size - 4)]:
        for dy in range(-4, 5):
            for dx in range(-4, 5):
                if 0 <= cx + dx < size and 0 <= cy + dy < size:
                    f[cy + dy][cx + dx] = True
    positions = ALIGN[version - 1]
    last = len(positions) - 1
    for i, x in enumerate(positions):
        for j, y in enumerate(positions):
            if (i, j) in [(0, 0), (0, last), (last, 0)]:
                continue
            for dy in range(-2, 3):
                for dx in range(-2, 3):
                    f[y + dy][x + dx] = True
    for i in range(9):
        f[i][8] = f[8][i] = True
    for i in range(8):
        f[8][size - 1 - i] = f[size - 1 - i][8] = True
    if version >= 7:
        for i in range(18):
            a, b = size - 11 + i % 3, i // 3
            f[b][a] = f[a][b] = True
    return f


def decode(m):
    """The bytes a QR code (dark modules as rows of booleans) holds, as text."""
    size = len(m)
    version = (size - 17) // 4
    bits = [m[i][8] for i in range(6)] + [m[7][8], m[8][8], m[8][7]] + [m[8][14 - i] for i in range(9, 15)]
    format_bits = sum(1 << i for i, bit in enumerate(bits) if bit) ^ 0x5412
    level, mask = format_bits >> 13, (format_bits >> 10) & 7
    assert level == 1, f"error correction level L expected, format says {level}"
    function = function_modules(version)
    stream = []
    right = size - 1
    while right >= 1:
        if right == 6:
            right = 5
        for vertical in range(size):
            for column in range(2):
                x = right - column
                y = size - 1 - vertical if (right + 1) & 2 == 0 else vertical
                if not function[y][x]:
                    stream.append(m[y][x] != MASKS[mask](x, y))
        right -= 2
    total, ecc, count = TOTAL[version - 1], ECC[version - 1], BLOCKS[version - 1]
    codewords = [sum(int(b) << (7 - i) for i, b in enumerate(stream[k * 8:k * 8 + 8])) for k in range(total)]
    short = count - total % count
    lengths = [total // count - ecc + (0 if i < short else 1) for i in range(count)]
    blocks, k = [[] for _ in range(count)], 0
    for column in range(max(lengths)):
        for i in range(count):
            if column < lengths[i]:
                blocks[i].append(codewords[k])
                k += 1
    data = [bit for block in blocks for byte in block for bit in ((byte >> (7 - i)) & 1 for i in range(8))]
    assert data[:4] == [0, 1, 0, 0], "byte mode expected"
    width = 8 if version < 10 else 16
    length = int("".join(map(str, data[4:4 + width])), 2)
    start = 4 + width
    return bytes(int("".join(map(str, data[start + 8 * i:start + 8 * i + 8])), 2) for i in range(length)).decode()
