import re

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.office_docs.models.office_issuing_code import (
    DOCUMENT_NUMBER_RE,
    format_document_number,
)

from .common import OfficeDocsCase

TYPES_2012 = [
    "决议", "决定", "命令（令）", "公报", "公告", "通告", "意见", "通知",
    "通报", "报告", "请示", "批复", "议案", "函", "纪要",
]  # fmt: skip


@tagged("post_install", "-at_install")
class TestReferenceData(OfficeDocsCase):
    def test_fifteen_types_of_2012(self):
        types = self.env["office.document.type"].search(
            [
                (
                    "code",
                    "in",
                    [
                        "resolution",
                        "decision",
                        "order",
                        "communique",
                        "announcement",
                        "public_notice",
                        "opinion",
                        "notice",
                        "circular",
                        "report",
                        "request",
                        "reply",
                        "motion",
                        "letter",
                        "minutes",
                    ],
                )
            ]  # fmt: skip
        )
        self.assertEqual(types.sorted("sequence").mapped("name"), TYPES_2012)
        upward = types.filtered("is_upward").mapped("name")
        self.assertEqual(sorted(upward), sorted(["请示", "报告"]))
        self.assertEqual(types.filtered("is_order").mapped("name"), ["命令（令）"])
        self.assertTrue(all(t.handling_days > 0 for t in types))

    def test_number_format(self):
        self.assertEqual(
            format_document_number("益财发", 2026, 12), "益财发〔2026〕12号"
        )
        self.assertEqual(format_document_number("益财发", 2026, 1), "益财发〔2026〕1号")
        self.assertEqual(format_document_number("益财发", 2026, 12, True), "第12号")
        self.assertRegex(
            format_document_number("益财函", 2026, 107), DOCUMENT_NUMBER_RE
        )
        with self.assertRaises(ValueError):
            format_document_number("益财发", 2026, 0)

    @freeze_time("2026-03-05 02:00:00")
    def test_yearly_numbers_without_leading_zeros(self):
        numbers = [self.code_fa._next_number(2026) for _i in range(3)]
        self.assertEqual(numbers, [1, 2, 3])
        self.assertEqual(self.code_han._next_number(2026), 1)
        self.assertEqual(self.code_fa._next_number(2027), 1)
        self.assertEqual(self.code_fa.example_number, "益财发〔2026〕4号")
        counter = self.code_fa.counter_ids.filtered(lambda c: c.year == 2026)
        self.assertEqual(counter.last_number, 3)

    def test_counter_never_goes_back(self):
        self.code_fa._next_number(2026)
        self.code_fa._next_number(2026)
        counter = self.code_fa.counter_ids.with_user(self.director)
        with self.assertRaises(UserError):
            counter.write({"last_number": 1})
        # the director may set a later starting point
        counter.write({"last_number": 40})
        self.assertEqual(self.code_fa._next_number(2026), 41)

    def test_issuing_code_shape(self):
        with self.assertRaises(ValidationError):
            self.env["office.issuing.code"].create({"name": "益财 发"})
        with self.assertRaises(ValidationError):
            self.env["office.issuing.code"].create({"name": "益财发〔"})

    def test_only_director_configures(self):
        with self.assertRaises(AccessError):
            self.env["office.issuing.code"].with_user(self.clerk).create(
                {"name": "益财办测"}
            )
        self.env["office.issuing.code"].with_user(self.director).create(
            {"name": "益财办测"}
        )

    def test_sender_levels(self):
        levels = dict(
            self.env["res.partner"]
            ._fields["office_sender_level"]
            ._description_selection(self.env)
        )
        self.assertEqual(set(levels), {"upper", "peer", "lower", "other"})
        self.assertTrue(re.match(r"^\S+〔\d{4}〕[1-9]\d*号$", "益财发〔2026〕1号"))
