"""The editor's window fixture, for the cases of issue 15 that the editor must also hold."""

from gui.conftest import make_window  # noqa: F401  (a pytest fixture, re-exported)
