"""What the README's "For scripts" section promises, run: its jq examples, the shell completions
for bash, zsh and fish, and the man page generated from the command definitions."""
import os
import re
import subprocess

from cli import cli_env
from terminal import BINARY, ROOT
from test_machine_output import leaf_commands


def readme_examples():
    text = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- for-scripts-examples -->\s*```sh\n(.*?)```", text, re.S)
    assert block, "README has no For scripts examples"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_the_readme_jq_examples_run_and_print_what_they_say():
    examples = readme_examples()
    assert len(examples) >= 4 and all("| jq" in line for line in examples)
    env = cli_env({"PATH": f"{BINARY.parent}:{os.environ.get('PATH', '')}"})
    outputs = []
    for line in examples:
        result = subprocess.run(["bash", "-o", "pipefail", "-c", line], env=env, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, (line, result.stderr)
        outputs.append(result.stdout)
    assert outputs[0].strip() == "avery.howard@contoso.com"
    assert outputs[1].split() == ["3179e48a-750b-4051-897c-87b9720928f7", "e37fc753-ff3b-4958-9484-eaa9425c82bc"]
    assert "password reset" in outputs[2].splitlines()
    assert outputs[3].strip() == "true"


def test_completions_for_bash_zsh_and_fish_know_every_command():
    for shell, marker in [("bash", "complete"), ("zsh", "#compdef"), ("fish", "complete -c 'authdesk'")]:
        result = subprocess.run([str(BINARY), "--generate-completion-script", shell], capture_output=True, text=True,
                                env=cli_env(), timeout=30)
        assert result.returncode == 0, result.stderr
        assert marker in result.stdout
        for word in ["whoami", "reset-mfa", "add-phone", "verbose", "all-profiles", "jsonl"]:
            assert word in result.stdout, (shell, word)


def test_the_man_page_lists_every_command_and_is_up_to_date():
    page = (ROOT / "Documentation" / "authdesk.1").read_text()
    for command in leaf_commands():
        assert f'.SS "authdesk {command}"' in page, command
    fresh = subprocess.run([str(ROOT / "scripts" / "manpage"), str(BINARY)], capture_output=True, text=True, timeout=60)
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout == page, "Documentation/authdesk.1 is stale: run scripts/manpage > Documentation/authdesk.1"
