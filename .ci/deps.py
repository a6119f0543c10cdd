"""Print the requirements of arraycore and of its `test` extra, one per line,
read from pyproject.toml (argument 1): what `pip install ".[test]"` installs
besides arraycore itself.  .ci/run uses it for the sanitizer run, whose
arraycore is the instrumented build of tools/sanitize.sh."""
import sys
import tomllib

with open(sys.argv[1], "rb") as fh:
    project = tomllib.load(fh)["project"]
for req in project.get("dependencies", []) + project["optional-dependencies"]["test"]:
    print(req)
