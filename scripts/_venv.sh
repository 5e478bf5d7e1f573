# Sourced by the other scripts: make .venv with tollwatch and its pinned dependencies.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${TOLLWATCH_VENV:-$root/.venv}"
stamp="$venv/.installed"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# Reinstall only when the pins or the package metadata changed.
want="$(cat "$root/constraints.txt" "$root/pyproject.toml" | sha256sum | cut -c1-64)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    -c "$root/constraints.txt" -e "$root[test]"
  echo "$want" > "$stamp"
fi
export PATH="$venv/bin:$PATH"
