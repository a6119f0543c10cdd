"""Print the commands of the README's Quick start block, one per line.

Used by .ci/run (which runs them verbatim from the clone's root) and by
tests/test_quickstart.py: the first fenced block after the "## Quick start"
heading; blank lines and comments are skipped.
"""
import sys


def quickstart_commands(readme_text):
    lines = readme_text.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.strip().lower() == "## quick start")
    except StopIteration:
        raise SystemExit("README has no '## Quick start' section")
    cmds, inside = [], False
    for line in lines[start + 1:]:
        if line.startswith("## ") and not inside:
            break
        if line.strip().startswith("```"):
            if inside:
                return cmds
            inside = True
            continue
        if inside and line.strip() and not line.lstrip().startswith("#"):
            cmds.append(line.strip())
    raise SystemExit("README's Quick start has no complete fenced block")


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        for cmd in quickstart_commands(f.read()):
            print(cmd)
