from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeSecrecyCase


@tagged("post_install", "-at_install")
class TestSecrecyEquipment(OfficeSecrecyCase):
    def setUp(self):
        super().setUp()
        self.Equipment = self.env["office.secrecy.equipment"].with_user(
            self.officer_clerk
        )
        self.safe = self.Equipment.create(
            {
                "name": "预算科1号保密柜",
                "kind": "safe",
                "location": "预算科302室",
                "department_id": self.dep_budget.id,
                "custodian_id": self.drafter.id,
                "secrecy_level": "confidential",
            }
        )
        self.alarm = self.Equipment.create(
            {
                "name": "机要室报警器",
                "kind": "alarm",
                "location": "机要室",
                "department_id": self.dep_budget.id,
                "custodian_id": self.drafter.id,
            }
        )
        self.inspection = (
            self.env["office.secrecy.inspection"]
            .with_user(self.officer_clerk)
            .create(
                {
                    "name": "2026年保密检查",
                    "department_ids": [(6, 0, self.dep_budget.ids)],
                }
            )
        )

    def _checks(self, inspection, record):
        return inspection.check_ids.filtered(
            lambda c: record in (c.equipment_id, c.carrier_id, c.department_id)
        )

    def test_safes_and_three_irons_one_alarm_checked_in_inspections(self):
        """003 第四十六条(二)5: the safes and the 三铁一器 are registered and
        every secrecy inspection checks each of them."""
        with self.assertRaises(ValidationError):
            self.Equipment.create(
                {
                    "name": "未经审查的保密柜",
                    "location": "预算科",
                    "custodian_id": self.staff.id,
                }
            )
        self.assertFalse(
            self.env["office.secrecy.equipment"]
            .with_user(self.staff)
            .search([("id", "=", self.safe.id)])
        )
        self.assertEqual(
            self.env["office.secrecy.equipment"]
            .with_user(self.dept_head)
            .search([("id", "in", (self.safe | self.alarm).ids)]),
            self.safe | self.alarm,
        )
        with self.assertRaises(AccessError):
            self.safe.with_user(self.dept_head).name = "改名"
        with self.assertRaises(UserError):
            self.inspection.action_load_checks()
        self.inspection.action_start()
        self.inspection.action_load_checks()
        safe_checks = self._checks(self.inspection, self.safe)
        self.assertEqual(safe_checks.check_type_id.code, "E-1")
        self.assertEqual(
            self._checks(self.inspection, self.alarm).check_type_id.code, "E-2"
        )
        self.assertEqual(
            safe_checks.check_type_id.with_context(lang="zh_CN").equipment_kinds_label,
            "保密柜、铁柜",
        )
        count = len(self.inspection.check_ids)
        self.inspection.action_load_checks()
        self.assertEqual(len(self.inspection.check_ids), count)
        with self.assertRaisesRegex(UserError, "no result"):
            self.inspection.action_done()
        self.inspection.check_ids.result = "ok"
        safe_checks.write({"result": "fail", "note": "下班后未上锁"})
        with self.assertRaisesRegex(UserError, "finding"):
            self.inspection.action_done()
        self.inspection.action_findings_from_checks()
        finding = safe_checks.finding_id
        self.assertIn("下班后未上锁", finding.name)
        self.assertEqual(finding.department_id, self.dep_budget)
        finding.write(
            {
                "notice": "立即整改",
                "responsible_id": self.drafter.id,
                "deadline": "2026-11-30",
            }
        )
        finding.action_notice()
        self.inspection.action_done()
        self.assertEqual(self.safe.last_check_date, self.inspection.date)
        with self.assertRaises(UserError):
            safe_checks.result = "ok"
        with self.assertRaises(UserError):
            self.safe.unlink()
        self.safe.action_scrap(reason="柜锁损坏")
        self.assertEqual(self.safe.state, "scrapped")

    def test_secret_computers_custodian_label_software_disk(self):
        """003 第四十八条: a secret computer has its cleared custodian, its
        label and its security software, is checked by the inspections, and
        its hard disk goes back to the secrecy office when it is scrapped."""
        Carrier = self.env["office.secret.carrier"].with_user(self.officer_clerk)
        vals = {
            "name": "预算科涉密计算机",
            "kind": "computer",
            "secrecy_level": "confidential",
            "custodian_id": self.drafter.id,
            "department_id": self.dep_budget.id,
            "location": "预算科302室",
            "label_number": "涉密-机-007",
            "security_client": True,
            "antivirus": True,
        }
        with self.assertRaises(ValidationError):
            Carrier.create(dict(vals, label_number=False))
        with self.assertRaises(ValidationError):
            Carrier.create(dict(vals, antivirus=False))
        with self.assertRaises(ValidationError):
            Carrier.create(dict(vals, custodian_id=self.dept_head.id))
        computer = Carrier.create(vals)
        self.inspection.action_start()
        self.inspection.action_load_checks()
        codes = self._checks(self.inspection, computer).check_type_id.mapped("code")
        self.assertEqual(sorted(codes), ["C-1", "C-2", "C-3", "C-4", "C-5"])
        with self.assertRaises(UserError):
            computer.with_user(self.drafter).action_hand_back_disk()
        computer.action_hand_back_disk()
        disk = computer.disk_carrier_id
        self.assertTrue(computer.disk_returned)
        self.assertEqual(
            (disk.kind, disk.secrecy_level, disk.custodian_id, disk.state),
            ("disk", "confidential", self.officer_clerk, "in_custody"),
        )
        with self.assertRaises(UserError):
            computer.action_hand_back_disk()

    def test_crossing_secret_and_non_secret_machines_recorded_as_checks(self):
        """004 一(七), 003 第四十八条(二)3: each inspected unit is checked for
        media crossing secret and non-secret machines, secrets on open
        machines or networks, and documents handled online."""
        self.inspection.action_start()
        self.inspection.action_load_checks()
        unit = self._checks(self.inspection, self.dep_budget)
        self.assertEqual(
            sorted(unit.check_type_id.mapped("code")), ["X-1", "X-2", "X-3", "X-4"]
        )
        media = unit.filtered(lambda c: c.check_type_id.code == "X-1")
        self.assertIn("004 一(七)4", media.citation)
        self.inspection.check_ids.result = "ok"
        media.write({"result": "fail", "note": "U盘在内外网计算机间混用"})
        self.inspection.action_findings_from_checks()
        self.assertIn("U盘在内外网计算机间混用", media.finding_id.name)
        self.assertEqual(media.finding_id.department_id, self.dep_budget)
