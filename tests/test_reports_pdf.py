"""Every PDF report of the suite, printed as a user prints it and read back.

Odoo renders reports as HTML in its own test mode, so only a live server
shows what wkhtmltopdf makes of them. Each report of the suite is fetched
from ``/report/pdf/<report_name>/<id>`` with the session of a demo user who
may read the record, then read back with the distribution's tools
(poppler-utils, zbar-tools; ``scripts/setup --test`` installs them):

* ``pdftotext``: the record's Chinese title and its number are in the text
  (no mojibake), every page has text (no blank page);
* ``pdfinfo``: every page has the size of the report's paper format;
* ``pdffonts``: every font is embedded;
* ``pdftoppm`` + ``zbarimg``: every QR code decodes to the scan address, and
  the scan window opens that record with it;
* the formatted document (套红) carries its page numbers ``— n —`` and
  the 版记 on its last page.

The PDFs are kept in .run/reports-pdf/ to be looked at.
"""

import datetime
import http.cookiejar
import json
import re
import shutil
import subprocess
import unicodedata
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT, our_addons

OUT = ROOT / ".run" / "reports-pdf"
TOOLS = ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm", "zbarimg")
MM = 72 / 25.4
BEIJING = datetime.timedelta(hours=8)
FORMATS = {"A4": (210, 297), "A3": (297, 420), "A5": (148, 210), "Letter": (216, 279)}


@dataclass
class Print:
    """How to print one report: as whom, which record, what it must show."""

    login: str
    model: str
    domain: list
    # the record's title and number: field paths read as the user
    expect: tuple
    qr: bool = False
    # the QR holds this field of the record (an asset code), not the scan address
    qr_field: str = ""
    wizard: str = ""  # a transient record to create first: see _wizard_vals
    extra: dict = field(default_factory=dict)


NUMBERED_PLAIN = [("number", "!=", False), ("secrecy_level", "=", "none")]
REPORTS = {
    # 公文
    "office_docs.office_incoming_document_report": Print(
        "wenshu", "office.incoming.document", [], ("name", "title"), qr=True
    ),
    "office_docs.office_incoming_document_report_label": Print(
        "wenshu",
        "office.incoming.document",
        [],
        ("name", "title"),
        qr=True,
        extra={"label": True},
    ),
    "office_docs.office_incoming_document_report_routing": Print(
        "wenshu", "office.incoming.document", [], ("name", "title")
    ),
    # the classified one: 份号, 密级★期限 in the head
    "office_docs.office_outgoing_document_report_formatted": Print(
        "jiyao",
        "office.outgoing.document",
        [("number", "!=", False), ("secrecy_level", "!=", "none")],
        ("number", "title"),
        extra={"formatted": True},
    ),
    "office_docs.office_outgoing_document_report_routing": Print(
        "wenshu", "office.outgoing.document", NUMBERED_PLAIN, ("number", "title")
    ),
    # 档案
    "office_archive.office_archive_loan_report": Print(
        "wenshu", "office.archive.loan", [], ("name", "purpose")
    ),
    "office_archive.office_archive_destruction_report": Print(
        "wenshu", "office.archive.destruction", [], ("name", "reason")
    ),
    "office_archive.office_archive_transfer_list_report": Print(
        "wenshu", "office.archive.transfer.list", [], ("name", "department_id.name")
    ),
    # 公务用车
    "office_fleet.action_report_office_fleet_request": Print(
        "wenshu", "office.fleet.request", [], ("name", "destination")
    ),
    "office_fleet.action_report_office_fleet_publication": Print(
        "wenshu",
        "office.fleet.trip",
        [("state", "=", "done")],
        # and the month, YYYY-M (the table's cells wrap)
        ("vehicle_id.license_plate",),
        wizard="office.fleet.publication.wizard",
    ),
    # 印章
    "office_seal.office_seal_use_request_report": Print(
        "wenshu", "office.seal.use.request", [], ("name", "summary")
    ),
    "office_seal.office_seal_deactivation_report": Print(
        "wenshu", "office.seal.deactivation", [], ("name", "seal_id.name")
    ),
    # 保密
    "office_secrecy.action_report_destruction_list": Print(
        "jiyao",
        "office.secret.carrier.request",
        [("operation", "=", "destroy")],
        ("name", "purpose"),
    ),
    # 风险内控
    "office_risk.action_report_office_risk_fact_confirmation": Print(
        "neikong",
        "office.risk.inspection.result",
        [],
        ("inspection_id.name", "department_id.name"),
    ),
    "office_risk.action_report_office_risk_rectification_notice": Print(
        "neikong",
        "office.risk.inspection.result",
        [("finding_ids", "!=", False)],
        ("inspection_id.name", "department_id.name"),
    ),
    # 会议
    "office_meeting.action_report_office_meeting_minutes": Print(
        "wenshu", "office.meeting", [("state", "=", "done")], ("name", "subject")
    ),
    # 考勤
    "office_attendance.action_report_office_attendance_register": Print(
        "wenshu",
        "hr.attendance",
        [("employee_id.user_id.login", "=", "zhouli")],
        ("employee_id.name",),
        wizard="office.attendance.register.wizard",
    ),
    # 经费
    "office_expense.action_report_office_expense_travel": Print(
        "neikong", "office.expense.travel", [], ("name", "destination")
    ),
    "office_expense.action_report_office_expense_reception": Print(
        "neikong", "office.expense.reception", [], ("name", "guest_unit")
    ),
    "office_expense.action_report_office_expense_budget": Print(
        "neikong", "office.expense.budget", [], ("year",)
    ),
    # 资产
    "office_asset.action_report_asset_label_sheet": Print(
        "wenshu",
        "office.asset",
        [],
        ("code", "name"),
        qr_field="code",
        extra={"label": True},
    ),
    "office_asset.action_report_asset_label": Print(
        "wenshu",
        "office.asset",
        [],
        ("code", "name"),
        qr_field="code",
        extra={"label": True},
    ),
    "office_asset.action_report_stocktake_variance": Print(
        "wenshu", "office.asset.stocktake", [], ("name",)
    ),
    "office_risk.action_report_office_risk_deduction": Print(
        "renshi",
        "office.risk.error.deduction",
        [("error_id.state", "=", "confirmed")],
        ("user_id.name", "error_id.name"),
        wizard="office.risk.deduction.wizard",
    ),
    # 信息公开: the notices to the requester, the yearly report
    "office_disclosure.action_report_office_disclosure_extension": Print(
        "wenshu",
        "office.disclosure.request",
        [("state", "=", "to_extend")],
        ("name", "requester_name"),
    ),
    "office_disclosure.action_report_office_disclosure_answer": Print(
        "wenshu",
        "office.disclosure.request",
        [("state", "=", "answered")],
        ("name", "requester_name"),
    ),
    "office_disclosure.action_report_office_disclosure_annual_report": Print(
        "wenshu", "office.disclosure.annual.report", [], ("name",)
    ),
    # 信访: the notices to the petitioner
    "office_petition.action_report_office_petition_acceptance": Print(
        "jiyao",
        "office.petition",
        [("state", "!=", "draft")],
        ("name", "petitioner_name"),
    ),
    "office_petition.action_report_office_petition_extension": Print(
        "jiyao",
        "office.petition",
        [("state", "=", "accepted")],
        ("name", "petitioner_name"),
    ),
    "office_petition.action_report_office_petition_answer": Print(
        "jiyao",
        "office.petition",
        [("state", "=", "answered")],
        ("name", "petitioner_name"),
    ),
}


# -- plumbing ---------------------------------------------------------------
class Session:
    """A logged-in web session (cookie), as a browser has."""

    def __init__(self, odoo, login, password):
        self.odoo = odoo
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        params = {"db": odoo.db, "login": login, "password": password}
        payload = {"jsonrpc": "2.0", "method": "call", "params": params}
        request = urllib.request.Request(
            odoo.url + "/web/session/authenticate",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=30) as response:
            answer = json.load(response)
        assert answer.get("result", {}).get("uid"), f"{login} cannot log in: {answer}"

    def get(self, path):
        with self.opener.open(self.odoo.url + path, timeout=300) as response:
            return response.headers.get_content_type(), response.read()


def _run(*cmd):
    return subprocess.run(
        cmd, check=True, capture_output=True, text=True, timeout=120
    ).stdout


# Qt writes the ToUnicode map of a Noto CJK font with the lowest code point of
# a glyph: the radicals that share the glyph of an ideograph come out instead
# of it (部⻔ for 部门). The Kangxi radicals (⽂) NFKC folds; the CJK Radicals
# Supplement has no decomposition: its equivalent ideographs (Unicode's
# EquivalentUnifiedIdeograph.txt) that simplified Chinese uses.
RADICALS = dict(
    zip(
        "⺠⺧⺩⺮⻁⻄⻅⻆⻉⻋⻓⻔⻗⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
        "民牛王竹虎西见角贝车长门雨青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
    )
)


def _flat(text):
    """Text compared without spaces or line breaks, radicals as ideographs."""
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans(RADICALS))
    return re.sub(r"\s+", "", text)


def _value(odoo, login, model, record_id, path):
    """The value of a field path such as ``seal_id.name``, read as login."""
    name, _, rest = path.partition(".")
    [record] = odoo.call(login, login, model, "read", [record_id], [name])
    value = record[name]
    if not rest:
        return value
    comodel = odoo.call(login, login, model, "fields_get", [name], ["relation"])
    return _value(odoo, login, comodel[name]["relation"], value[0], rest)


def _wizard_vals(odoo, spec, record_id):
    """The wizard printing the month of the record found, and that month as
    the report prints it."""
    if spec.wizard == "office.fleet.publication.wizard":
        [trip] = odoo.call(
            spec.login,
            spec.login,
            spec.model,
            "read",
            [record_id],
            ["date_out", "vehicle_id"],
        )
        # the publication is by Beijing month
        out = datetime.datetime.fromisoformat(trip["date_out"]) + BEIJING
        year, month = out.year, out.month
        vals = {
            "year": year,
            "month": str(month),
            "vehicle_ids": [(6, 0, [trip["vehicle_id"][0]])],
        }
        return vals, f"{year}-{month}"
    if spec.wizard == "office.attendance.register.wizard":
        [punch] = odoo.call(
            spec.login, spec.login, spec.model, "read", [record_id], ["check_in"]
        )
        day = datetime.datetime.fromisoformat(punch["check_in"]) + BEIJING
        vals = {"period": "month", "year": day.year, "month": day.month}
        return vals, f"{day.year}年{day.month}月"
    [line] = odoo.call(
        spec.login, spec.login, spec.model, "read", [record_id], ["month"]
    )
    return {"month": line["month"]}, line["month"][:7]


def _page_sizes(path):
    """[(width, height)] in points, page by page."""
    pages = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", path), re.M).group(1))
    info = _run("pdfinfo", "-f", "1", "-l", str(pages), path)
    return [
        (float(w), float(h))
        for w, h in re.findall(
            r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M
        )
    ]


def _declared_size(paperformat):
    if paperformat["format"] == "custom":
        width, height = paperformat["page_width"], paperformat["page_height"]
    else:
        width, height = FORMATS[paperformat["format"]]
    if paperformat["orientation"] == "Landscape":
        width, height = height, width
    return width * MM, height * MM


def _fonts(path):
    """[(name, embedded)] from pdffonts."""
    rows = _run("pdffonts", path).splitlines()[2:]
    return [(row.split()[0], row.split()[-5] == "yes") for row in rows if row.strip()]


def _qr_codes(path, tmp_path):
    """Every QR code zbarimg finds on the pages rendered at 200 dpi."""
    prefix = tmp_path / Path(path).stem
    _run("pdftoppm", "-r", "200", "-gray", "-png", path, str(prefix))
    codes = []
    for image in sorted(tmp_path.glob(prefix.name + "*.png")):
        done = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        # zbarimg exits 4 when an image has no code
        assert done.returncode in (0, 4), done.stderr
        codes += [line for line in done.stdout.splitlines() if line]
    return codes


# -- fixtures ---------------------------------------------------------------
@pytest.fixture(scope="module")
def tools():
    missing = [tool for tool in TOOLS if not shutil.which(tool)]
    if missing:
        pytest.fail(
            f"missing {missing}: run scripts/setup --test (poppler-utils, zbar-tools)"
        )
    OUT.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="module")
def base_url(odoo):
    """The server's own address as web.base.url, as after an administrator's
    login: wkhtmltopdf fetches images and styles there, and the QR codes hold
    it."""
    Session(odoo, "admin", "admin")
    return odoo.call(
        "admin", "admin", "ir.config_parameter", "get_param", "web.base.url"
    )


@pytest.fixture(scope="module")
def suite_reports(odoo):
    """{xml id: report} of every report action of the suite's addons."""
    data = odoo.call(
        "admin",
        "admin",
        "ir.model.data",
        "search_read",
        [("model", "=", "ir.actions.report"), ("module", "in", our_addons())],
        ["module", "name", "res_id"],
    )
    reports = odoo.call(
        "admin",
        "admin",
        "ir.actions.report",
        "read",
        [row["res_id"] for row in data],
        ["report_type", "report_name", "model", "paperformat_id"],
    )
    by_id = {report["id"]: report for report in reports}
    return {f"{row['module']}.{row['name']}": by_id[row["res_id"]] for row in data}


# -- tests ------------------------------------------------------------------
def test_every_pdf_report_is_printed_here(suite_reports):
    pdf = {
        xmlid for xmlid, r in suite_reports.items() if r["report_type"] == "qweb-pdf"
    }
    assert pdf == set(REPORTS), "add the new report to REPORTS (or drop the old one)"


@pytest.mark.parametrize("xmlid", sorted(REPORTS))
def test_report_prints_as_declared(
    odoo, tools, base_url, suite_reports, tmp_path, xmlid
):
    spec = REPORTS[xmlid]
    report = suite_reports[xmlid]
    found = odoo.call(
        spec.login, spec.login, spec.model, "search", spec.domain, limit=1, order="id"
    )
    assert found, f"the demo data has no {spec.model} {spec.domain} for {spec.login}"
    record_id = found[0]
    expected = [
        _value(odoo, spec.login, spec.model, record_id, path) for path in spec.expect
    ]
    printed_id, printed_model = record_id, spec.model
    if spec.wizard:
        vals, period = _wizard_vals(odoo, spec, record_id)
        expected.append(period)
        printed_id = odoo.call(spec.login, spec.login, spec.wizard, "create", vals)
        printed_model = spec.wizard
    assert report["model"] == printed_model

    kind, content = Session(odoo, spec.login, spec.login).get(
        f"/report/pdf/{report['report_name']}/{printed_id}"
    )
    assert kind == "application/pdf", content[:500]
    path = OUT / f"{xmlid}.pdf"
    path.write_bytes(content)
    path = str(path)

    # the title and the number, in Chinese
    text = _flat(_run("pdftotext", "-enc", "UTF-8", path, "-"))
    for value in expected:
        assert value and _flat(str(value)) in text, (
            f"{value!r} not in the PDF: {text[:300]}"
        )

    # the paper format's size on every page
    sizes = _page_sizes(path)
    paperformat_id = report["paperformat_id"]
    if not paperformat_id:  # the company's
        [company] = odoo.call(
            "admin",
            "admin",
            "res.company",
            "search_read",
            [],
            ["paperformat_id"],
            limit=1,
        )
        paperformat_id = company["paperformat_id"]
    [paperformat] = odoo.call(
        "admin",
        "admin",
        "report.paperformat",
        "read",
        [paperformat_id[0]],
        ["format", "page_width", "page_height", "orientation"],
    )
    # A4 for everything but a label, whatever the company's paper format
    assert spec.extra.get("label") or paperformat["format"] == "A4", paperformat
    width, height = _declared_size(paperformat)
    for number, (page_width, page_height) in enumerate(sizes, start=1):
        assert abs(page_width - width) < 1.5 and abs(page_height - height) < 1.5, (
            f"page {number} is {page_width} × {page_height} pt, "
            f"{paperformat['format']} is {width:.0f} × {height:.0f}"
        )

    # no blank page
    pages = [
        _flat(_run("pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n), path, "-"))
        for n in range(1, len(sizes) + 1)
    ]
    assert all(pages), f"blank pages: {[n for n, t in enumerate(pages, 1) if not t]}"

    # the fonts travel with the file
    fonts = _fonts(path)
    assert fonts and all(embedded for _name, embedded in fonts), fonts

    # QR codes: the scan address of the record, which the scan window opens
    codes = _qr_codes(path, tmp_path)
    scan_url = f"{base_url}/mail/view?model={spec.model}&res_id={record_id}"
    if spec.qr_field:
        value = _value(odoo, spec.login, spec.model, record_id, spec.qr_field)
        assert value in codes, (value, codes)
        codes = []
    assert codes == ([scan_url] if spec.qr else []), codes
    for code in codes:
        wizard = odoo.call(
            spec.login,
            spec.login,
            "office.document.scan.wizard",
            "create",
            {"code": code},
        )
        action = odoo.call(
            spec.login,
            spec.login,
            "office.document.scan.wizard",
            "action_open",
            [wizard],
        )
        assert (action["res_model"], action["res_id"]) == (spec.model, record_id)

    if spec.extra.get("formatted"):
        # GB/T 9704-2012: — n — on every page, the 版记 on the last one
        for number, page in enumerate(pages, start=1):
            assert f"—{number}—" in page, f"page {number} has no number"
        assert "印发" in pages[-1]
