#!/usr/bin/python3
"""Checks an alliancedb HTML report the way a reader sees it: in headless Chromium.

Usage: html_report_check.py HTML NODES CONSORTIA LABEL SCREENSHOT

  HTML        the report to check
  NODES       expected number of node marks (.node-mark) over all network drawings
  CONSORTIA   C: the heatmaps must hold C*C cells (.heat-cell) in all
  LABEL       text that must be visible in a network drawing (e.g. KAIST)
  SCREENSHOT  where to write the 1280x2400 PNG screenshot (kept as an artefact)

Checks: the page's scripts ran to the end (<html data-ok="1">) without errors
(<html data-script-errors> absent), the mark and cell counts, that LABEL is drawn
as a visible SVG <text> (laid out, non-zero size, not hidden, readable size) in
a network drawing, and that the screenshot is not blank.

The browser is $CHROMIUM if set, else chromium (or chromium-browser,
google-chrome) on PATH, else /usr/bin/chromium.

Exit codes: 0 passed; 1 a check failed (each failure is printed); 2 bad usage
or Chromium failed; 77 skipped because Chromium or PIL is missing (the test
reports that as SKIPPED, never as passed).
"""
import html.parser
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
TIMEOUT_S = 120

# Runs after the page's own scripts (it is appended to a copy of the page) and
# leaves its findings in <html data-check>, which --dump-dom shows.
PROBE = r"""
<script>
(function () {
  var label = %s;
  function shown(el) {
    var r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0)) return false;
    for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
      var cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility !== 'visible' || parseFloat(cs.opacity) === 0)
        return false;
    }
    return parseFloat(getComputedStyle(el).fontSize) >= 6;
  }
  var texts = Array.prototype.filter.call(
      document.querySelectorAll('svg.network text'),
      function (t) { return t.textContent.trim() === label; });
  document.documentElement.setAttribute('data-check', JSON.stringify({
    networks: document.querySelectorAll('svg.network').length,
    texts: texts.length,
    visible: texts.filter(shown).length
  }));
})();
</script>
"""


def skip(reason):
    bar = "*" * 72
    print(f"{bar}\nSKIP: html_report_check: {reason}\n"
          f"SKIP: the report was NOT checked in a browser. Install it with "
          f"tools/setup/install-deps.sh.\n{bar}")
    sys.exit(SKIP)


def find_chromium():
    """$CHROMIUM if set (a path or a name on PATH), else the usual names."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        return shutil.which(chosen)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def file_url(path):
    return pathlib.Path(path).resolve().as_uri()


class DomCounts(html.parser.HTMLParser):
    """Classes counted and <html> attributes read from a --dump-dom result."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = None
        self.classes = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html" and self.root is None:
            self.root = attrs
        for cls in (attrs.get("class") or "").split():
            self.classes[cls] = self.classes.get(cls, 0) + 1


class Chromium:
    def __init__(self, binary, profile):
        self.binary = binary
        self.base = [binary, "--headless", "--no-sandbox", "--disable-gpu",
                     "--user-data-dir=" + profile, "--no-first-run", "--disable-extensions",
                     "--hide-scrollbars"]

    def run(self, args, url):
        cmd = self.base + args + [url]
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            print(f"ERROR: chromium timed out after {TIMEOUT_S} s: {' '.join(cmd)}")
            sys.exit(2)
        if p.returncode != 0:
            print(f"ERROR: chromium exited with {p.returncode}: {' '.join(cmd)}")
            print(p.stderr.decode("utf-8", "replace")[-3000:])
            sys.exit(2)
        return p.stdout.decode("utf-8", "replace")

    def dump_dom(self, path):
        return self.run(["--dump-dom"], file_url(path))


def check_screenshot(path, failures):
    from PIL import Image
    if not os.path.exists(path):
        failures.append(f"no screenshot was written to {path}")
        return
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        colours = rgb.getcolors(maxcolors=1 << 24) or []
        non_white = sum(n for n, c in colours if c != (255, 255, 255))
    print(f"screenshot: {width}x{height}, {len(colours)} colours, "
          f"{100.0 * non_white / (width * height):.1f}% non-white pixels")
    if (width, height) != (1280, 2400):
        failures.append(f"screenshot is {width}x{height}, expected 1280x2400")
    if len(colours) < 16:
        failures.append(f"screenshot looks blank: only {len(colours)} distinct colours")
    if non_white < 0.01 * width * height:
        failures.append(f"screenshot looks blank: {non_white} non-white pixels")


def main(argv):
    if len(argv) != 6:
        print(__doc__)
        return 2
    html_path, label, screenshot = argv[1], argv[4], argv[5]
    try:
        nodes, consortia = int(argv[2]), int(argv[3])
    except ValueError:
        print("ERROR: NODES and CONSORTIA must be integers")
        return 2
    if not os.path.isfile(html_path):
        print(f"ERROR: no such file: {html_path}")
        return 2
    binary = find_chromium()
    if binary is None:
        skip("chromium is not installed" + (f" (CHROMIUM={os.environ['CHROMIUM']})"
                                             if os.environ.get("CHROMIUM") else ""))
    try:
        import PIL  # noqa: F401
    except ImportError:
        skip("python3-pil is not installed for " + sys.executable)

    failures = []
    with tempfile.TemporaryDirectory(prefix="html-report-check-", ignore_cleanup_errors=True) as work:
        chromium = Chromium(binary, os.path.join(work, "profile"))

        # 1. The page as it is: scripts, mark and cell counts.
        dom = DomCounts()
        dom.feed(chromium.dump_dom(html_path))
        root = dom.root or {}
        if root.get("data-script-errors"):
            failures.append("script errors: " + root["data-script-errors"].strip())
        if root.get("data-ok") != "1":
            failures.append("the page's final script did not run (no data-ok=\"1\" on <html>)")
        marks = dom.classes.get("node-mark", 0)
        cells = dom.classes.get("heat-cell", 0)
        print(f"dom: {marks} node marks, {cells} heatmap cells")
        if marks != nodes:
            failures.append(f"{marks} node marks (.node-mark), expected {nodes}")
        if cells != consortia * consortia:
            failures.append(f"{cells} heatmap cells (.heat-cell), expected "
                            f"{consortia}x{consortia} = {consortia * consortia}")

        # 2. A copy with the probe appended: is the label laid out and visible?
        with open(html_path, encoding="utf-8") as f:
            page = f.read()
        probe = PROBE % json.dumps(label)
        at = page.rfind("</body>")
        probed = page[:at] + probe + page[at:] if at >= 0 else page + probe
        probed_path = os.path.join(work, "probed.html")
        with open(probed_path, "w", encoding="utf-8") as f:
            f.write(probed)
        found = DomCounts()
        found.feed(chromium.dump_dom(probed_path))
        try:
            check = json.loads((found.root or {}).get("data-check", ""))
        except ValueError:
            check = None
        if check is None:
            failures.append("the visibility probe did not run")
        else:
            print(f"label {label!r}: {check['texts']} <text> in {check['networks']} network "
                  f"drawing(s), {check['visible']} visible")
            if check["networks"] == 0:
                failures.append("no network drawing (svg.network) on the page")
            elif check["visible"] == 0:
                failures.append(f"label {label!r} is not visible in a network drawing "
                                f"({check['texts']} <text> element(s) found)")

        # 3. The screenshot a reader would see.
        os.makedirs(os.path.dirname(os.path.abspath(screenshot)), exist_ok=True)
        if os.path.exists(screenshot):
            os.remove(screenshot)
        chromium.run(["--screenshot=" + os.path.abspath(screenshot), "--window-size=1280,2400"],
                     file_url(html_path))
        check_screenshot(screenshot, failures)

    for failure in failures:
        print("FAIL: " + failure)
    if failures:
        return 1
    print(f"OK: {html_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
