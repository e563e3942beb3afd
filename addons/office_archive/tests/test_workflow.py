from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestArchiveWorkflow(OfficeArchiveCase):
    """The kernel's rules in the archives: each action is refused, with
    nothing written, to a user without the right, also through ``sudo()``;
    a state is never written directly, not even by the superuser; no
    context key lets anything through; the loan limits are settings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.item = cls.env["office.archive.item"].create(
            {
                "title": "流程测试文件",
                "fonds_id": cls.fonds.id,
                "category_id": cls.ws.id,
                "year": 2024,
                "retention_id": cls.ret_y.id,
                "unit_id": cls.unit_bgs.id,
                "department_id": cls.dep_office.id,
            }
        )

    def _refused(self, records, method, *args, field="state"):
        """`method` is refused to the records' user, also through sudo(),
        and changes nothing."""
        before = records.sudo().mapped(field)
        for target in (records, records.sudo()):
            with self.assertRaises(UserError):
                getattr(target, method)(*args)
        records.invalidate_recordset()
        self.assertEqual(records.sudo().mapped(field), before)

    def _approved_loan(self):
        self.item.with_user(self.archivist).action_file()
        loan = self._loan(self.item)
        loan.with_user(self.staff).action_submit()
        self._approve_next(loan)
        self.assertEqual(loan.state, "approved")
        return loan

    # ------------------------------------------------------------------
    # Transitions refused to users without the right
    # ------------------------------------------------------------------

    def test_only_the_archivist_files_even_through_sudo(self):
        self._refused(self.item.with_user(self.staff), "action_file")
        self._refused(self.item.with_user(self.leader), "action_file")
        self.assertFalse(self.item.name)
        self.item.with_user(self.archivist).action_file()
        self.assertEqual(self.item.state, "in_stock")
        # filed twice: refused by its state
        self._refused(self.item.with_user(self.archivist), "action_file")

    def test_loan_custody_is_the_archivists_even_through_sudo(self):
        loan = self._approved_loan()
        self._refused(loan.with_user(self.staff), "action_lend")
        self.assertEqual(self.item.state, "in_stock")
        loan.with_user(self.archivist).action_lend()
        self._refused(loan.with_user(self.staff), "take_back", "intact")
        self.assertEqual(self.item.state, "on_loan")
        loan.with_user(self.staff).request_renewal(1, "审计尚未结束")
        self._refused(
            loan.with_user(self.staff), "action_approve_renewal", field="renewal_state"
        )
        self._refused(
            loan.with_user(self.staff), "action_refuse_renewal", field="renewal_state"
        )
        loan.with_user(self.archivist).take_back("intact")
        self.assertEqual((loan.state, self.item.state), ("returned", "in_stock"))

    def test_another_user_cannot_submit_or_cancel_a_loan(self):
        self.item.with_user(self.archivist).action_file()
        loan = self._loan(self.item)
        self._refused(loan.with_user(self.legal_head), "action_submit")
        loan.with_user(self.staff).action_submit()
        self._refused(loan.with_user(self.budget_head), "action_cancel")
        # approval and refusal are the reviewers' (tier.validation)
        for verb in ("approve", "refuse"):
            with self.assertRaises(UserError):
                loan.with_user(self.staff)._workflow_run(verb)
        self.assertEqual(loan.state, "to_approve")

    def test_transfer_lists_are_received_by_the_archivist_only(self):
        record = self.env["office.archive.transfer.list"].create(
            {
                "department_id": self.dep_office.id,
                "year": 2024,
                "fonds_id": self.fonds.id,
                "category_id": self.ws.id,
                "unit_id": self.unit_bgs.id,
            }
        )
        self.item.transfer_list_id = record
        record.with_user(self.archivist).action_submit()
        self._refused(record.with_user(self.staff), "action_accept", 1)
        self._refused(record.with_user(self.staff), "return_list", "补齐材料")
        self.assertEqual(self.item.state, "draft")
        # without a reason the web client asks it in the suite's wizard
        action = record.with_user(self.archivist).action_return()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        wizard = (
            self.env["office.reason.wizard"]
            .with_user(self.archivist)
            .with_context(**action["context"])
            .create({"reason": "缺少签批单"})
        )
        wizard.action_confirm()
        self.assertEqual(record.state, "returned")
        self.assertEqual(record.return_comment, "缺少签批单")

    def test_destruction_and_appraisal_are_the_archivists(self):
        self.item.with_user(self.archivist).action_file()
        destruction = self.env["office.archive.destruction"].create(
            {"item_ids": [(6, 0, self.item.ids)], "reason": "到期"}
        )
        self._refused(destruction.with_user(self.leader), "action_submit")
        self._refused(destruction.with_user(self.leader), "action_cancel")
        appraisal = self.env["office.archive.appraisal"].create(
            {"appraiser_ids": [(6, 0, (self.archivist | self.office_head).ids)]}
        )
        self._refused(appraisal.with_user(self.leader), "action_done")
        transfer = self.env["office.archive.state.transfer"].create(
            {"archives_name": "市档案馆", "fonds_id": self.fonds.id}
        )
        transfer.item_ids = self.item
        self._refused(transfer.with_user(self.leader), "action_done")
        self._refused(
            transfer.with_user(self.leader), "action_fill_due", field="item_ids"
        )
        self.assertEqual(self.item.state, "in_stock")

    # ------------------------------------------------------------------
    # Direct writes of the state
    # ------------------------------------------------------------------

    def test_no_one_writes_a_state_directly(self):
        self.item.with_user(self.archivist).action_file()
        loan = self._loan(self.item)
        admin = self.env.ref("base.user_admin")
        for record in (self.item, loan):
            for env_record in (record.with_user(admin), record.sudo()):
                with self.assertRaises(UserError):
                    env_record.write(
                        {"state": "destroyed" if record is self.item else "lent"}
                    )
        with self.assertRaises(UserError):
            self.env["office.archive.item"].sudo().create(
                {
                    "title": "直接入库",
                    "fonds_id": self.fonds.id,
                    "category_id": self.ws.id,
                    "retention_id": self.ret_y.id,
                    "unit_id": self.unit_bgs.id,
                    "state": "in_stock",
                }
            )
        with self.assertRaises(UserError):
            loan.sudo().write({"renewal_state": "approved", "renewal_days": 5})
        self.assertEqual((self.item.state, loan.state), ("in_stock", "draft"))

    def test_context_keys_grant_nothing(self):
        """The keys the archives once honoured (tier.validation's, and the
        superuser environment) let a staff user change nothing."""
        self.item.with_user(self.archivist).action_file()
        loan = self._approved_loan_without_filing()
        for key in ("skip_validation_check", "office_archive_state_change"):
            staff_loan = loan.with_user(self.staff).with_context(**{key: True})
            with self.assertRaises(UserError):
                staff_loan.write({"state": "lent"})
            with self.assertRaises(UserError):
                staff_loan.sudo().action_lend()
            staff_item = self.item.with_user(self.staff).with_context(**{key: True})
            with self.assertRaises(UserError):
                staff_item.sudo().write({"state": "destroyed"})
            with self.assertRaises(UserError):
                staff_item.sudo().write({"extended_until": 2099})
        self.assertEqual((loan.state, self.item.state), ("approved", "in_stock"))
        self.assertFalse(self.item.extended_until)

    def _approved_loan_without_filing(self):
        loan = self._loan(self.item)
        loan.with_user(self.staff).action_submit()
        self._approve_next(loan)
        return loan

    # ------------------------------------------------------------------
    # Settings and routing
    # ------------------------------------------------------------------

    def test_loan_limits_are_company_settings(self):
        company = self.env.company
        self.assertEqual(
            (company.archive_loan_max_days, company.archive_loan_max_renewals), (5, 1)
        )
        company.write({"archive_loan_max_days": 7, "archive_loan_max_renewals": 2})
        loan = self._approved_loan()
        loan.with_user(self.archivist).action_lend()
        loan.with_user(self.staff).request_renewal(7, "审计尚未结束")
        loan.with_user(self.archivist).action_approve_renewal()
        loan.with_user(self.staff).request_renewal(2, "仍需核对")
        loan.with_user(self.archivist).action_approve_renewal()
        self.assertEqual((loan.renewal_count, loan.renewal_days), (2, 9))
        with self.assertRaises(UserError):
            loan.with_user(self.staff).request_renewal(1, "再延")
        long_loan = self._loan(self.item, days=7)
        self.assertEqual(long_loan.days, 7)

    def _appraised_destruction(self, items):
        appraisal = (
            self.env["office.archive.appraisal"]
            .with_user(self.archivist)
            .create(
                {
                    "appraiser_ids": [(6, 0, (self.archivist | self.office_head).ids)],
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "item_id": item.id,
                                "decision": "destroy",
                                "reason": "到期",
                            },
                        )
                        for item in items
                    ],
                }
            )
        )
        appraisal.action_done()
        return appraisal.destruction_ids

    def test_archive_destruction_without_appraisal_is_refused(self):
        # 002 篇6: 鉴定 → 销毁清册 → 批准 → 双人监销
        self.item.with_user(self.archivist).action_file()
        other = self._filed(title="另一件")
        Destruction = self.env["office.archive.destruction"].with_user(self.archivist)
        bare = Destruction.create(
            {"item_ids": [(6, 0, self.item.ids)], "reason": "到期"}
        )
        with self.assertRaisesRegex(UserError, "no concluded appraisal"):
            bare.action_submit()
        self.assertEqual(bare.state, "draft")
        appraised = self._appraised_destruction(self.item)
        smuggled = Destruction.create(
            {
                "appraisal_id": appraised.appraisal_id.id,
                "item_ids": [(6, 0, (self.item | other).ids)],
                "reason": "到期",
            }
        )
        with self.assertRaisesRegex(UserError, "did not decide"):
            smuggled.action_submit()
        appraised.with_user(self.archivist).action_submit()
        self.assertEqual(appraised.state, "to_approve")

    def test_destruction_is_routed_by_its_tier_definition(self):
        self.item.with_user(self.archivist).action_file()
        definition = self.env.ref(
            "office_archive.tier_definition_destruction_principal"
        )
        definition.reviewer_group_id = self.env.ref("office_base.group_office_leader")
        destruction = self._appraised_destruction(self.item).with_user(self.archivist)
        destruction.action_submit()
        self.assertEqual(self._approve_next(destruction), self.leader)
        self.assertEqual(destruction.state, "approved")
