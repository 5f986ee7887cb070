"""The PySide6 editor. Nothing outside this package imports Qt."""

import sys

if "PySide6.support.feature" in sys.modules:
    # PySide is loaded already (a script or a test imported it first): its import hook reads the source of every
    # module imported from now on, ours included, unless made lighter at once (as create_application does).
    from .pyside_hook import lighten_pyside_import_hook

    lighten_pyside_import_hook()
