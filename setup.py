"""Copy the top-level ``templates/`` and ``resources/`` folders into the built package.

They live at the top of the repository so that offices can find and change them, but an installed
wheel must carry them inside ``minutes_app/``; ``minutes_app.paths`` looks in both places.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_DIRS = ("templates", "resources")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the folders from the checkout itself
        for name in DATA_DIRS:
            source = HERE / name
            target = Path(self.build_lib) / "minutes_app" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithData})
