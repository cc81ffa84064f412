"""numbjournal: a private desktop journal for episodes of numbness in the legs."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("numbjournal")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
