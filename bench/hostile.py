"""Hostile and huge input: exit code, seconds and peak memory of each case (issue 16).

Every case of ``tests/hostile_cases.py`` is built at full size in a fresh folder and run as a
user would (``python -m briefgen ...``), killed at ``--cap`` seconds. Printed per case: exit
code (``kill`` when capped), wall seconds, peak resident memory of the run and all its
processes (MB), and what went wrong besides: a .part or .old file left in the output folder,
the earlier file there changed, more than one error line, or a case-specific check. A last row
sends SIGTERM to a render in full flight and counts the processes and temporaries it leaves.

    python3 bench/hostile.py [--python PY] [--code DIR] [--cap 60] [--only NAME,...]

``--python`` picks the interpreter that runs briefgen, ``--code`` a checkout whose briefgen it
runs; the "before" column of issue 16 came from ``git archive 019cd6f`` unpacked into DIR,
run with the main checkout's venv. The cases are built by this interpreter (it needs pypdf
and cryptography: run it from the project's venv).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from email import message_from_bytes
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_cases import CASES, KEEP, KEEP_TEXT, Case, leftovers, prepare  # noqa: E402

CODE: str | None = None  # --code: run the briefgen found in this folder instead


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if CODE:
        env["PYTHONPATH"] = CODE + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run(python: str, args: list[str], cwd: Path, cap: float) -> tuple[str, float, float, str]:
    """Run one command; (exit, seconds, peak MB of it and its children, stderr)."""
    start = time.monotonic()
    err = open(cwd / ".stderr", "wb")  # noqa: SIM115 - closed below, the child writes into it
    proc = subprocess.Popen(
        [python, "-m", "briefgen", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=err,
        stdin=subprocess.DEVNULL,
        env=_env(),
        start_new_session=True,
        preexec_fn=_limit_memory,
    )
    code: str | None = None
    while code is None:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            code = str(os.waitstatus_to_exitcode(status))
            break
        if time.monotonic() - start > cap:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            code = "kill"
            break
        time.sleep(0.02)
    seconds = time.monotonic() - start
    _kill_group(proc.pid)  # anything the run left behind
    err.close()
    stderr = (cwd / ".stderr").read_text(errors="replace")
    return code, seconds, usage.ru_maxrss / 1024, stderr


MEMORY_CAP = 3 * 2**30  # a run past this is stopped by the kernel (the machine is shared)


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _kill_group(pgid: int) -> int:
    try:
        os.killpg(pgid, signal.SIGKILL)
        return 1
    except ProcessLookupError:
        return 0


def extra_checks(case: Case, folder: Path, stderr: str) -> list[str]:
    notes: list[str] = []
    out = folder / "out"
    files = [p for p in out.iterdir() if p.name != KEEP and not p.name.startswith(".")]
    if case.name == "nonlatin-titles":
        memos = [p for p in files if p.suffix == ".md"]
        notes.append(f"{len(memos)}/4 memos kept")
    if case.name in ("eml-long", "eml-idn"):
        for eml in out.glob("*.eml"):
            raw = eml.read_bytes()
            longest = max(len(line) for line in raw.split(b"\r\n")[:200])
            notes.append(f"longest header line {longest}")
            to = str(message_from_bytes(raw)["To"] or "")
            if case.name == "eml-idn":
                notes.append("punycode" if "xn--" in to else "no punycode")
    if case.name == "ref-xxe":
        leaked = any(b"TOP-SECRET" in p.read_bytes() for p in files)
        notes.append("LEAK" if leaked else "no leak")
    if case.name == "stale-part":
        notes.append("stale swept" if not leftovers(folder) else "stale kept")
    if case.name == "rtl-pdf":
        from pypdf import PdfReader

        text = "".join(PdfReader(p).pages[0].extract_text() for p in files if p.suffix == ".pdf")
        joined = any(0xFE70 <= ord(ch) <= 0xFEFF for ch in text)
        notes.append("Arabic joined" if joined else "Arabic unjoined" if text else "")
    if case.name == "eml-fail":
        memos = [p.read_text(encoding="utf-8") for p in files if p.suffix == ".md"]
        edited = any("Edited bullet" in memo for memo in memos)
        notes.append("earlier memo REPLACED" if edited else "earlier memo kept")
    return [n for n in notes if n]


def run_case(case: Case, python: str, cap: float) -> list[str]:
    with tempfile.TemporaryDirectory(prefix=f"hostile-{case.name}-") as tmp:
        folder = Path(tmp)
        commands = prepare(case, folder, big=True)
        total, peak, code, stderr = 0.0, 0.0, "0", ""
        for args in commands:
            code, seconds, memory, stderr = run(python, args, folder, cap)
            total, peak = total + seconds, max(peak, memory)
            if code == "kill":
                break
        notes = []
        errors = [line for line in stderr.splitlines() if line.startswith("error:")]
        if len(errors) > 1 or ("Traceback" in stderr):
            notes.append(
                f"{len(errors)} error lines" + (" + traceback" if "Traceback" in stderr else "")
            )
        if code not in ("0", "2", "kill"):
            notes.append(errors[0][:70] if errors else stderr.strip()[-70:])
        if case.name != "stale-part" and leftovers(folder):
            notes.append(f"{len(leftovers(folder))} .part/.old left")
        if (folder / "out" / KEEP).read_text(encoding="utf-8") != KEEP_TEXT:
            notes.append("keep.txt changed")
        notes += extra_checks(case, folder, stderr)
        if code == "2" and errors and case.expect != "ok":
            notes.append(errors[0][7:60])
        elif code == "2" and errors:
            notes.append("REFUSED: " + errors[0][7:60])
        return [case.name, code, f"{total:.1f}", f"{peak:.0f}", "; ".join(notes)]


def sigterm_case(python: str, cap: float) -> list[str]:
    """SIGTERM a render of a long memo mid-flight: processes and temporaries left."""
    from hostile_cases import brief_data, write_brief

    with tempfile.TemporaryDirectory(prefix="hostile-sigterm-") as tmp:
        folder = Path(tmp)
        (folder / "out").mkdir()
        bullets = [f"Point {n} of a long memo about defence. " * 12 for n in range(200)]
        sections = ("summary", "defence", "technology", "economy", "outlook")
        write_brief(folder, brief_data(**{key: bullets for key in sections}))
        start = time.monotonic()
        proc = subprocess.Popen(
            [python, "-m", "briefgen", "render", "brief.json", "-f", "pdf,docx", "-o", "out"],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_env(),
            start_new_session=True,
        )
        time.sleep(1.5)
        proc.send_signal(signal.SIGTERM)
        try:
            code = str(proc.wait(timeout=cap))
        except subprocess.TimeoutExpired:
            code = "kill"
        seconds = time.monotonic() - start
        time.sleep(0.5)
        alive = subprocess.run(
            ["ps", "-o", "pid=", "-s", str(proc.pid)], capture_output=True, text=True
        ).stdout.split()
        _kill_group(proc.pid)
        notes = [f"{len(alive)} processes left", f"{len(leftovers(folder))} .part left"]
        return ["sigterm-render", code, f"{seconds:.1f}", "-", "; ".join(notes)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--cap", type=float, default=60.0)
    parser.add_argument("--only", default="")
    parser.add_argument("--code", help="a checkout whose briefgen to run (e.g. an old commit)")
    args = parser.parse_args()
    global CODE
    CODE = args.code
    wanted = set(filter(None, args.only.split(",")))
    print("case\texit\tseconds\tpeak_MB\tnotes", flush=True)
    for case in CASES:
        if not wanted or case.name in wanted:
            print("\t".join(run_case(case, args.python, args.cap)), flush=True)
    if not wanted or "sigterm-render" in wanted:
        print("\t".join(sigterm_case(args.python, args.cap)), flush=True)


if __name__ == "__main__":
    main()
