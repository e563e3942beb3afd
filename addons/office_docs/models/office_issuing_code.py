import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# GB/T 9704-2012: 机关代字〔年份〕序号号 — six-sided brackets, full year,
# no leading zeros, no 第.
DOCUMENT_NUMBER_RE = re.compile(r"^\S+〔\d{4}〕[1-9]\d*号$")
ORDER_NUMBER_RE = re.compile(r"^第[1-9]\d*号$")


def format_document_number(code, year, number, is_order=False):
    """The document number (发文字号) as printed on the document:
    ``益财发〔2026〕12号``, or ``第12号`` for an order (命令/令)."""
    number = int(number)
    if number < 1:
        raise ValueError("A document number starts at 1.")
    if is_order:
        return f"第{number}号"
    return f"{code}〔{int(year)}〕{number}号"


class OfficeIssuingCode(models.Model):
    """机关代字: the organ's code in document numbers (益财发, 益财函, 益财办).

    Numbers restart at 1 each year and are taken from one counter row per code
    and year, incremented by a single ``INSERT … ON CONFLICT DO UPDATE …
    RETURNING`` statement: two transactions numbering at the same moment are
    serialized by the row lock (the second one is retried by Odoo), so a
    number is never given twice and a rolled-back numbering leaves no gap."""

    _name = "office.issuing.code"
    _description = "Issuing Code"
    _order = "sequence, name"

    name = fields.Char(
        string="Issuing code",
        required=True,
        help="The organ's code in document numbers (机关代字), e.g. 益财发.",
    )
    description = fields.Char(help="What the code is used for.")
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    counter_ids = fields.One2many(
        "office.issuing.counter", "code_id", string="Yearly counters"
    )
    example_number = fields.Char(
        compute="_compute_example_number", string="Next number this year"
    )
    # the formatted document (套红) of this code, GB/T 9704-2012
    header_text = fields.Char(
        string="Red header",
        help="The issuing organ's mark printed in red at the top of the "
        "document (发文机关标志), e.g. 益阳市财政局文件; the company name when empty.",
    )
    signature_organ = fields.Char(
        string="Signing organ",
        help="The organ named in the signature block (发文机关署名); the company "
        "name when empty.",
    )
    printing_organ = fields.Char(
        string="Printing organ",
        help="The organ named in the printing block (印发机关), e.g. "
        "益阳市财政局办公室.",
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "This issuing code already exists.",
        ),
    ]

    @api.depends("name", "counter_ids.last_number", "counter_ids.year")
    def _compute_example_number(self):
        year = self._office_today().year
        for code in self:
            counter = code.counter_ids.filtered(lambda c: c.year == year)
            code.example_number = format_document_number(
                code.name or "", year, (counter.last_number or 0) + 1
            )

    @api.constrains("name")
    def _check_name(self):
        for code in self:
            if not code.name.strip() or re.search(r"[\s〔〕]", code.name):
                raise ValidationError(
                    self.env._(
                        "An issuing code such as 益财发 has no spaces and no "
                        "brackets: “%(code)s”.",
                        code=code.name,
                    )
                )

    def _office_header_text(self):
        self.ensure_one()
        return self.header_text or self.company_id.name

    @api.model
    def _office_today(self):
        """Today in the time zone of the office calendar (Beijing by default)."""
        calendar = self.env["office.calendar"]._calendar()
        tz = calendar.tz or "Asia/Shanghai"
        return fields.Date.context_today(self.with_context(tz=tz))

    def _next_number(self, year):
        """Take the next number of the year for this code (1, 2, …)."""
        self.ensure_one()
        Counter = self.env["office.issuing.counter"]
        Counter.flush_model()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO office_issuing_counter
                    (code_id, company_id, year, last_number,
                     create_uid, create_date, write_uid, write_date)
                VALUES (%(code)s, %(company)s, %(year)s, 1,
                        %(uid)s, now() at time zone 'UTC',
                        %(uid)s, now() at time zone 'UTC')
                ON CONFLICT (code_id, year) DO UPDATE
                   SET last_number = office_issuing_counter.last_number + 1,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                RETURNING last_number
                """,
                code=self.id,
                company=self.company_id.id,
                year=int(year),
                uid=self.env.uid,
            ),
            # a serialization failure here is expected under concurrency:
            # Odoo retries the request
            log_exceptions=False,
        )
        number = self.env.cr.fetchone()[0]
        Counter.invalidate_model()
        self.invalidate_recordset(["counter_ids", "example_number"])
        return number
