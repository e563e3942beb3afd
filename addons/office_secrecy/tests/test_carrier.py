from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeSecrecyCase


@tagged("post_install", "-at_install")
class TestSecretCarrier(OfficeSecrecyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Carrier = cls.env["office.secret.carrier"]
        cls.carrier = Carrier.with_user(cls.officer_clerk).create(
            {
                "name": "机密预算报告",
                "secrecy_level": "confidential",
                "custodian_id": cls.drafter.id,
                "department_id": cls.dep_budget.id,
                "location": "预算科保密柜",
                "pages": 12,
            }
        )
        cls.other = Carrier.with_user(cls.officer_clerk).create(
            {
                "name": "秘密通报",
                "secrecy_level": "secret",
                "custodian_id": cls.officer_clerk.id,
                "department_id": cls.dep_office.id,
                "location": "机要室",
            }
        )

    def _request(self, operation, carriers, user=None, **vals):
        user = user or self.drafter
        return (
            self.env["office.secret.carrier.request"]
            .with_user(user)
            .create(
                {
                    "operation": operation,
                    "carrier_ids": [(6, 0, carriers.ids)],
                    "purpose": "测试",
                    **vals,
                }
            )
        )

    def _approved(self, request):
        request.with_user(request.requester_id).action_submit()
        self._approve(request, self.officer_clerk)
        if request.state == "to_approve":
            self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")
        return request

    def test_copy_without_approval_is_refused(self):
        with self.assertRaises(UserError):
            self.carrier.copy()
        request = self._request("copy", self.carrier, copies=2)
        with self.assertRaises(UserError):
            request.action_execute()
        request.action_submit()
        self._approve(request, self.officer_clerk)
        self.assertEqual(request.state, "to_approve", "机密: the principal leader too")
        Carrier = self.env["office.secret.carrier"]
        self.assertIn(self.carrier, Carrier.with_user(self.principal).search([]))
        self.assertEqual(request.with_user(self.principal).carrier_ids, self.carrier)
        with self.assertRaises(UserError):
            request.with_user(self.drafter).action_execute()
        self.assertFalse(self.carrier.copy_ids)

    def test_copy_carrier_without_an_approved_copy_request_is_refused(self):
        Carrier = self.env["office.secret.carrier"]
        values = {
            "name": "机密预算报告（复印件）",
            "secrecy_level": "confidential",
            "custodian_id": self.drafter.id,
            "department_id": self.dep_budget.id,
            "location": "预算科保密柜",
            "is_copy": True,
            "source_id": self.carrier.id,
        }
        for target in (Carrier.with_user(self.officer_clerk), Carrier.sudo()):
            with self.assertRaisesRegex(UserError, "approved copy request"):
                target.create(values)
        self.assertFalse(self.carrier.copy_ids)

    def test_approved_copy_is_a_new_carrier_with_the_same_level(self):
        request = self._approved(self._request("copy", self.carrier, copies=2))
        request.with_user(self.drafter).action_execute()
        copies = self.carrier.copy_ids
        self.assertEqual(len(copies), 2)
        self.assertEqual(set(copies.mapped("secrecy_level")), {"confidential"})
        self.assertEqual(len(set(copies.mapped("number")) | {self.carrier.number}), 3)
        self.assertTrue(all(c.is_copy and c.copy_request_id == request for c in copies))
        self.assertIn(self.carrier.number, copies[0].copy_stamp)
        self.assertIn(request.name, copies[0].copy_stamp)
        self.assertEqual(request.state, "done")

    def test_top_secret_copy_needs_the_originating_organ(self):
        top = self.env["office.secret.carrier"].create(
            {
                "name": "绝密文件",
                "secrecy_level": "top_secret",
                "custodian_id": self.drafter.id,
                "location": "机要室",
            }
        )
        request = self._request("copy", top)
        with self.assertRaises(UserError):
            request.action_submit()

    def test_destruction_needs_approval_list_and_two_supervisors(self):
        request = self._request(
            "destroy", self.carrier, user=self.officer_clerk, facility="销毁中心"
        )
        with self.assertRaises(UserError):
            request.action_execute()  # not approved
        self._approved(request)
        with self.assertRaises(UserError):
            request.action_execute()  # no list, no supervisors
        request.action_print_destruction_list()
        self.assertTrue(request.destruction_list_id)
        with self.assertRaises(UserError):
            request.action_execute()  # no supervisors
        with self.assertRaises(ValidationError):
            request.write(
                {
                    "supervisor1_id": self.dept_head.id,
                    "supervisor2_id": self.dept_head.id,
                }
            )
        request.write(
            {"supervisor1_id": self.dept_head.id, "supervisor2_id": self.staff.id}
        )
        request.action_execute()
        self.assertEqual(self.carrier.state, "destroyed")
        self.assertEqual(request.state, "done")
        # a closed register entry is changed by nobody
        with self.assertRaises(UserError):
            self.carrier.sudo().write({"location": "别处"})
        with self.assertRaises(UserError):
            self.carrier.with_user(self.officer_clerk).write({"name": "x"})
        with self.assertRaises(UserError):
            self.carrier.with_user(self.officer_clerk).unlink()

    def test_carry_out_and_back(self):
        request = self._approved(
            self._request(
                "carry_out",
                self.carrier,
                destination="省财政厅",
                date_return="2026-12-01",
            )
        )
        request.with_user(self.drafter).action_execute()
        self.assertEqual(self.carrier.state, "out")
        request.with_user(self.drafter).action_return()
        self.assertEqual(self.carrier.state, "in_custody")

    def test_stock_taking_raises_differences(self):
        check = (
            self.env["office.secret.carrier.check"]
            .with_user(self.officer_clerk)
            .create({"name": "季度清查"})
        )
        check.action_load()
        lines = check.line_ids.filtered(
            lambda line: line.carrier_id in self.carrier | self.other
        )
        self.assertEqual(len(lines), 2)
        check.line_ids.write({"result": "present"})
        lines.filtered(lambda line: line.carrier_id == self.other).write(
            {"result": "missing", "note": "未找到"}
        )
        check.write(
            {
                "line_ids": [
                    (
                        0,
                        0,
                        {"unregistered_label": "无编号U盘", "result": "unregistered"},
                    )
                ]
            }
        )
        check.action_done()
        self.assertEqual(check.difference_count, 2)
        self.assertTrue(check.activity_ids)
        with self.assertRaises(UserError):
            check.write({"name": "改"})

    def test_departments_see_their_carriers(self):
        Carrier = self.env["office.secret.carrier"]
        self.assertEqual(Carrier.with_user(self.drafter).search([]), self.carrier)
        self.assertIn(self.carrier, Carrier.with_user(self.dept_head).search([]))
        self.assertNotIn(self.other, Carrier.with_user(self.dept_head).search([]))
        self.assertFalse(Carrier.with_user(self.staff).search([]))
        with self.assertRaises(AccessError):
            self.carrier.with_user(self.drafter).write({"location": "家中"})
        with self.assertRaises(UserError):
            self.carrier.with_user(self.officer_clerk).write(
                {"secrecy_level": "secret"}
            )

    def test_dispatch_closes_the_entry(self):
        movement = self.env["office.secret.carrier.movement"].with_user(
            self.officer_clerk
        )
        with self.assertRaises(ValidationError):
            movement.create(
                {
                    "kind": "dispatch",
                    "carrier_ids": [(6, 0, self.other.ids)],
                    "count": 2,
                    "counterpart": "市政府办",
                    "signed_by": "张三",
                }
            )
        entry = movement.create(
            {
                "kind": "dispatch",
                "carrier_ids": [(6, 0, self.other.ids)],
                "count": 1,
                "counterpart": "市政府办",
                "signed_by": "张三",
                "channel": "confidential_courier",
            }
        )
        entry.action_confirm()
        self.assertEqual(self.other.state, "dispatched")
        with self.assertRaises(UserError):
            entry.write({"signed_by": "李四"})
