"""Build the packaged app: ``python packaging/build.py``.

Run it with the Python you installed numbjournal with (3.11 or newer). It makes
its own build environment in ``build/packaging-venv`` (PyInstaller and this
project, installed from the source folder, never the editable copy you may be
working on), so nothing is added to your own environment. It writes
``dist/numbjournal/`` and one archive beside it:

- Linux:   ``dist/numbjournal-<version>-linux-<arch>.tar.gz``
- Windows: ``dist/numbjournal-<version>-windows-<arch>.zip``
- macOS:   ``dist/numbjournal-<version>-macos-<arch>.zip`` (holding numbjournal.app)

docs/packaging.md says what was tried on which system.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
APP_NAME = "numbjournal"
PYINSTALLER = "pyinstaller>=6.10,<7"

# Files the bundled Qt brings that numbjournal never loads. It installs no
# QTranslator, so Qt's own translations are dead weight; it draws on X11,
# Wayland or (for tests and the smoke test) offscreen, never straight on a
# framebuffer, a VNC server or through EGL device integration.
UNUSED_QT_PLUGIN_FOLDERS = (
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "platforminputcontexts",
    "qmltooling",
    "tls",
    "sqldrivers",
    "virtualkeyboard",
    "multimedia",
    "position",
    "sensors",
    "webview",
)
UNUSED_QT_PLATFORMS = ("eglfs", "linuxfb", "minimal", "minimalegl", "vkkhrdisplay", "vnc")
UNUSED_QT_LIBRARIES = ("EglFSDeviceIntegration", "EglFsKmsSupport")
KEEP_IMAGE_FORMATS = ("svg", "ico", "jpeg", "gif")


def target() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    if sys.platform == "darwin":
        return "macos"
    if sys.platform == "win32":
        return "windows"
    raise SystemExit(f"build.py: no packaged build is set up for {sys.platform}")


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def project_version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def venv_python(folder: Path) -> Path:
    scripts = "Scripts" if sys.platform == "win32" else "bin"
    name = "python.exe" if sys.platform == "win32" else "python"
    return folder / scripts / name


def run(*command: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)  # type: ignore[call-overload]


def build_environment() -> Path:
    """The build's own environment, made once and refreshed with this source tree each run."""
    BUILD.mkdir(exist_ok=True)
    folder = BUILD / "packaging-venv"
    python = venv_python(folder)
    if not python.exists():
        print(f"making the build environment in {folder}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(folder)
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(python, "-m", "pip", "install", "--quiet", PYINSTALLER)
    # Not editable: the app must carry the package as its wheel installs it. The wheel
    # is built once, reinstalled even when the version is unchanged, then its
    # dependencies are added (only those missing).
    wheels = BUILD / "packaging-wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    run(python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", wheels, ROOT)
    wheel = next(wheels.glob("numbjournal-*.whl"))
    run(python, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", wheel)
    # With the encryption extra: the packaged app offers passphrase encryption too.
    run(python, "-m", "pip", "install", "--quiet", f"{wheel}[encryption]")
    return python


def icon_for(build_target: str) -> Path | None:
    """PyInstaller turns the PNG into .ico/.icns itself (with Pillow, which matplotlib brings)."""
    if build_target == "linux":
        return None
    return ROOT / "resources" / "icons" / "numbjournal-256.png"


def pyinstaller(python: Path, build_target: str) -> Path:
    env = dict(os.environ, NUMBJOURNAL_BUILD_TARGET=build_target)
    icon = icon_for(build_target)
    if icon is not None:
        env["NUMBJOURNAL_BUILD_ICON"] = str(icon)
    run(
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        BUILD / "pyinstaller",
        PACKAGING / "numbjournal.spec",
        env=env,
        # Not the source folder: there `import numbjournal` would find the
        # uninstalled sources (without their resources) instead of the wheel.
        cwd=BUILD,
    )
    return DIST / APP_NAME


def qt_folder(app: Path) -> Path | None:
    found = sorted(app.rglob("PySide6/Qt"))
    return found[0] if found else None


def prune(app: Path) -> int:
    """Remove Qt files the app never loads; returns the bytes saved."""
    qt = qt_folder(app)
    if qt is None:
        return 0
    doomed: list[Path] = [qt / "translations"]
    plugins = qt / "plugins"
    doomed += [plugins / name for name in UNUSED_QT_PLUGIN_FOLDERS]
    platforms = plugins / "platforms"
    if platforms.is_dir():
        doomed += [
            path
            for path in platforms.iterdir()
            if any(path.name in (f"libq{name}.so", f"q{name}.dll") for name in UNUSED_QT_PLATFORMS)
        ]
    libraries = qt / "lib"
    if libraries.is_dir():
        doomed += [
            path
            for path in libraries.iterdir()
            if any(f"Qt6{name}" in path.name for name in UNUSED_QT_LIBRARIES)
        ]
    formats = plugins / "imageformats"
    if formats.is_dir():
        doomed += [
            path
            for path in formats.iterdir()
            if not any(k in path.name for k in KEEP_IMAGE_FORMATS)
        ]
    saved = 0
    for path in (p for p in doomed if p.exists()):
        saved += folder_size(path)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    return saved


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def add_desktop_files(app: Path) -> None:
    """The menu entry, icon and install text travel inside the folder (Linux)."""
    shutil.copy2(ROOT / "resources" / "numbjournal.desktop", app / "numbjournal.desktop")
    shutil.copy2(ROOT / "resources" / "icons" / "numbjournal-256.png", app / "numbjournal.png")
    shutil.copy2(ROOT / "resources" / "icons" / "numbjournal.svg", app / "numbjournal.svg")
    shutil.copy2(PACKAGING / "INSTALL.txt", app / "INSTALL.txt")


def archive(app: Path, build_target: str, version: str) -> Path:
    stem = f"{APP_NAME}-{version}-{build_target}-{arch()}"
    if build_target == "linux":
        out = DIST / f"{stem}.tar.gz"
        with tarfile.open(out, "w:gz", compresslevel=6) as tar:
            tar.add(app, arcname=APP_NAME)
        return out
    out = DIST / f"{stem}.zip"
    if build_target == "macos":
        # ditto keeps the framework symlinks and extended attributes a .app needs.
        run("ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", DIST / f"{APP_NAME}.app", out)
        return out
    shutil.make_archive(str(out.with_suffix("")), "zip", root_dir=DIST, base_dir=APP_NAME)
    return out


def mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    if sys.version_info < (3, 11):  # noqa: UP036 (a person may run it with any python3)
        raise SystemExit("build.py: run it with Python 3.11 or newer")
    build_target = target()
    version = project_version()
    python = build_environment()
    for stale in (DIST / APP_NAME, DIST / f"{APP_NAME}.app"):
        if stale.exists():
            shutil.rmtree(stale)
    app = pyinstaller(python, build_target)
    saved = prune(app)
    if build_target == "macos":
        # The .app holds its own copy; prune it too so both carry the same files.
        saved += prune(DIST / f"{APP_NAME}.app")
    if build_target == "linux":
        add_desktop_files(app)
    else:
        shutil.copy2(PACKAGING / "INSTALL.txt", app / "INSTALL.txt")
    out = archive(app, build_target, version)
    print(f"app folder: {app} ({mib(folder_size(app))}, {mib(saved)} of unused Qt files removed)")
    print(f"archive: {out} ({mib(out.stat().st_size)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
