"""Check that the bundle holds every module of minutes_app (run by scripts/build_bundle.sh).

Some modules are imported by name at run time (the exporters of export.registry, the rules behind
check's lazy names) or only inside functions, where PyInstaller's analysis may not follow; the spec
collects the whole package, and this proves it did, before anything is packed. Usage:
    python packaging/check_bundle_modules.py dist/ThuKy
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader

ROOT = Path(__file__).resolve().parent.parent


def source_modules() -> set[str]:
    names = set()
    for path in (ROOT / "minutes_app").rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.add(".".join(parts))
    return names


def bundled_modules(bundle: Path) -> set[str]:
    program = next(p for p in (bundle / "thuky-cli", bundle / "thuky-cli.exe") if p.is_file())
    with tempfile.TemporaryDirectory() as scratch:
        pyz = Path(scratch) / "PYZ.pyz"
        pyz.write_bytes(CArchiveReader(str(program)).extract("PYZ.pyz"))
        return set(ZlibArchiveReader(str(pyz)).toc)


def main() -> int:
    wanted = source_modules()
    missing = sorted(wanted - bundled_modules(Path(sys.argv[1])))
    if missing:
        print(f"The bundle lacks {len(missing)} module(s) of minutes_app: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"The bundle holds all {len(wanted)} modules of minutes_app.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
