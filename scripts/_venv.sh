# Sourced by the other scripts: make .venv with tollwatch and its pinned dependencies.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${TOLLWATCH_VENV:-$root/.venv}"
stamp="$venv/.installed"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# Reinstall when the pins, the package metadata, the build or TOLLWATCH_COMPILE changed, or
# when the compiled extract modules no longer match their sources (an edit since the build).
want="$( (cat "$root/constraints.txt" "$root/pyproject.toml" "$root/setup.py"
          echo "TOLLWATCH_COMPILE=${TOLLWATCH_COMPILE:-1}") | sha256sum | cut -c1-64)"
# After a compile that failed, the stamp also holds the sources it failed on: an edit to
# them retries the compile, and until then the pure install stands.
sources="$(cat "$root"/src/tollwatch/extract/*.py "$root"/src/tollwatch/{model,lexicon,errors}.py \
           | sha256sum | cut -c1-64)"
have="$(cat "$stamp" 2>/dev/null || true)"
if { [ "$have" != "$want" ] && [ "$have" != "$want:$sources" ]; } \
    || ! "$venv/bin/python" "$root/src/tollwatch/native.py" 2>/dev/null; then
  # Verbose into a log: pip shows a build's own output only so, and setup.py's one line
  # ("tollwatch build: ...") says whether the extract modules were compiled.
  log="$venv/install.log"
  if ! "$venv/bin/python" -m pip install -v --disable-pip-version-check \
      -c "$root/constraints.txt" -e "$root[test]" > "$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "error: installing tollwatch failed; the whole log is $log" >&2
    exit 1
  fi
  grep -ho "tollwatch build: .*" "$log" | awk "!seen[\$0]++" >&2 || true
  if grep -q "tollwatch build: compiling failed" "$log"; then
    echo "$want:$sources" > "$stamp"
  else
    echo "$want" > "$stamp"
  fi
fi
export PATH="$venv/bin:$PATH"
