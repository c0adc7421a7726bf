"""Ship the ontology and the seed articles inside the wheel (as kg/_data), so that an installed
``kg`` works outside the checkout; the checkout's top-level ontology/ and seeds/ stay the source."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        root = Path(__file__).resolve().parent
        for folder, pattern in (("ontology", "*.ttl"), ("seeds", "*.txt")):
            dest = Path(self.build_lib) / "kg" / "_data" / folder
            dest.mkdir(parents=True, exist_ok=True)
            for f in sorted((root / folder).glob(pattern)):
                shutil.copy2(f, dest / f.name)


setup(cmdclass={"build_py": BuildWithData})
