from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeAssetCase


@tagged("post_install", "-at_install")
class TestStocktake(OfficeAssetCase):
    def test_phone_stocktake_finds_a_missing_and_an_unexpected_asset(self):
        desk = self._asset("台式机", holder=self.staff)
        laptop = self._asset("笔记本", holder=self.staff2)
        elsewhere = self._asset("投影仪", department=self.dep_office)
        take = (
            self.env["office.asset.stocktake"]
            .with_user(self.finance)
            .create({"department_ids": [(6, 0, self.dep_budget.ids)]})
        )
        take.with_user(self.finance).action_start()
        self.assertEqual(take.expected_count, 2)
        # the keeper scans on her phone: as an office user; not anyone
        with self.assertRaises(AccessError):
            take.with_user(self.staff).scan(desk.code)
        scanner = take.with_user(self.staff2)
        result = scanner.scan(desk.code)
        self.assertEqual((result["result"], result["found"]), ("found", 1))
        scanner.scan(desk.code)  # scanned twice: counted once
        result = scanner.scan(elsewhere.code)
        self.assertEqual(result["result"], "unexpected")
        scanner.scan("ZC-UNKNOWN-1")
        with self.assertRaises(UserError):
            scanner.scan("")
        with self.assertRaises(AccessError):
            take.with_user(self.staff2).action_done()
        take.with_user(self.finance).action_done()
        self.assertEqual(take.missing_count, 1)
        self.assertEqual(take.unexpected_count, 2)
        self.assertEqual(laptop.state, "missing")
        self.assertEqual(desk.state, "in_use")
        missing = take.line_ids.filtered(lambda line: line.result == "missing")
        self.assertEqual(missing.asset_id, laptop)
        # the variance report lists both
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "office_asset.report_stocktake_variance", take.ids
        )
        html = html.decode()
        self.assertIn(laptop.code, html)
        self.assertIn(elsewhere.code, html)
        self.assertIn("ZC-UNKNOWN-1", html)
        self.assertNotIn(desk.code, html)
        with self.assertRaises(UserError):
            take.with_user(self.staff2).scan(desk.code)

    def test_labels_print_on_label_paper(self):
        asset = self._asset()
        for xmlid in ("action_report_asset_label", "action_report_asset_label_sheet"):
            report = self.env.ref(f"office_asset.{xmlid}")
            self.assertTrue(report.paperformat_id)
            html, _type = report._render_qweb_html(report.report_name, asset.ids)
            self.assertIn(asset.code, html.decode())
        single = self.env.ref("office_asset.paperformat_asset_label_single")
        self.assertEqual((single.page_width, single.page_height), (60, 40))
        self.assertEqual(
            self.env.ref("office_asset.paperformat_asset_label_sheet").format, "A4"
        )


@tagged("post_install", "-at_install")
class TestRegisters(OfficeAssetCase):
    def test_asset_and_print_registers_export_to_excel(self):
        asset = self._asset("保险柜（台账）", cost=3200)
        job = (
            self.env["office.print.job"]
            .with_user(self.staff)
            .create({"title": "会议通知", "pages": 2, "copies": 30})
        )
        job.with_user(self.staff).action_submit()
        for xmlid, records in (
            ("action_report_asset_register_xlsx", asset),
            ("action_report_print_register_xlsx", job),
        ):
            report = self.env.ref(f"office_asset.{xmlid}")
            content, kind = report.with_user(self.manager)._render(
                report.report_name, records.ids
            )
            self.assertEqual(kind, "xlsx")
            self.assertTrue(content.startswith(b"PK"), "an xlsx (zip) workbook")
