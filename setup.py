"""Packaging glue: the top-level resources/ folder ships as numbjournal.resources.

pyproject.toml holds the metadata; this file exists only because setuptools'
declarative config cannot combine package discovery with a remapped folder.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["numbjournal", "numbjournal.*"]), "numbjournal.resources"],
    package_dir={"numbjournal.resources": "resources"},
)
