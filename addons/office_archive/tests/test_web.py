from odoo.tests import HttpCase, tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestArchiveWeb(OfficeArchiveCase, HttpCase):
    """A department's transfer list accepted, an item lent and taken back,
    in the browser."""

    def test_transfer_list_accepted_item_lent_and_returned(self):
        record = (
            self.env["office.archive.transfer.list"]
            .with_user(self.staff)
            .create(
                {
                    "department_id": self.dep_budget.id,
                    "year": 2022,
                    "fonds_id": self.fonds.id,
                    "category_id": self.ws.id,
                    "unit_id": self.unit_ysk.id,
                }
            )
        )
        for title in ("浏览器测试文件一", "浏览器测试文件二"):
            self.env["office.archive.item"].with_user(self.staff).create(
                {
                    "transfer_list_id": record.id,
                    "title": title,
                    "fonds_id": self.fonds.id,
                    "category_id": self.ws.id,
                    "year": 2022,
                    "retention_id": self.ret_y.id,
                    "unit_id": self.unit_ysk.id,
                    "department_id": self.dep_budget.id,
                }
            )
        record.with_user(self.staff).action_submit()
        # build the web client's asset bundles first: a slow first page makes
        # the browser's spare connections time out
        self.authenticate(self.archivist.login, self.archivist.login)
        self.url_open("/odoo", timeout=120)
        self.start_tour(
            f"/odoo/action-office_archive.office_archive_transfer_list_action/{record.id}",
            "office_archive_accept_transfer_list",
            login=self.archivist.login,
        )
        self.assertEqual(record.state, "accepted")
        self.assertEqual(record.accepted_by_id, self.archivist)
        item = record.item_ids.sorted("item_number")[:1]
        self.assertEqual(item.name, "Z109-WS·2022-Y-YSK-0001")

        loan = self._loan(item, loan_date="2026-05-06")
        loan.with_user(self.staff).action_submit()
        self._approve_next(loan)
        self.assertEqual(loan.state, "approved")
        self.start_tour(
            f"/odoo/action-office_archive.office_archive_loan_action/{loan.id}",
            "office_archive_lend_and_take_back",
            login=self.archivist.login,
        )
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.lent_by_id, self.archivist)
        self.assertEqual(loan.received_by_id, self.archivist)
        self.assertEqual(loan.return_condition, "intact")
        self.assertEqual(item.state, "in_stock")
