from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeBaseCase


@tagged("post_install", "-at_install")
class TestDelegation(OfficeBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.step = cls._tier(cls.leader)
        cls.today = fields.Date.today()

    def _delegate(self, user, substitute, days=(0, 3), models=None, confirm=True):
        delegation = (
            self.env["office.delegation"]
            .with_user(user)
            .create(
                {
                    "user_id": user.id,
                    "substitute_id": substitute.id,
                    "date_from": self.today + timedelta(days=days[0]),
                    "date_to": self.today + timedelta(days=days[1]),
                    "model_ids": [(6, 0, models.ids)] if models else [],
                }
            )
        )
        if confirm:
            delegation.action_confirm()
        return delegation

    def _request(self):
        request = self.Request.with_user(self.staff).create({"name": "出差请示"})
        request.action_office_request_approval()
        return request

    def test_substitute_receives_and_decides_on_behalf(self):
        self._delegate(self.leader, self.deputy)
        request = self._request()
        review = request.review_ids
        self.assertIn(self.deputy, review.reviewer_ids)
        self.assertIn(self.leader, review.reviewer_ids)
        self.assertTrue(
            request.activity_ids.filtered(lambda a: a.user_id == self.deputy)
        )
        review.with_user(self.deputy).action_office_approve()
        self.assertEqual(review.status, "approved")
        self.assertEqual(review.done_by, self.deputy)
        self.assertEqual(review.on_behalf_of_id, self.leader)
        self.assertFalse(request.activity_ids, "both people's activities are closed")

    def test_delegation_started_later_reaches_pending_reviews(self):
        request = self._request()
        self.assertNotIn(self.deputy, request.review_ids.reviewer_ids)
        self._delegate(self.leader, self.deputy)
        self.assertIn(self.deputy, request.review_ids.reviewer_ids)
        self.assertTrue(
            request.activity_ids.filtered(lambda a: a.user_id == self.deputy)
        )

    def test_cancelled_delegation_stops_reaching(self):
        delegation = self._delegate(self.leader, self.deputy)
        request = self._request()
        delegation.with_user(self.leader).action_cancel()
        self.assertNotIn(self.deputy, request.review_ids.reviewer_ids)

    def test_original_reviewer_decides_without_on_behalf(self):
        self._delegate(self.leader, self.deputy)
        request = self._request()
        request.review_ids.with_user(self.leader).action_office_approve()
        self.assertFalse(request.review_ids.on_behalf_of_id)

    def test_future_delegation_and_other_scope_do_not_apply(self):
        self._delegate(self.leader, self.deputy, days=(2, 4))
        self.assertNotIn(self.deputy, self._request().review_ids.reviewer_ids)

    def test_scope_limits_kinds(self):
        partner_model = self.env["ir.model"]._get("res.partner")
        self._delegate(self.leader, self.deputy, models=partner_model)
        self.assertNotIn(self.deputy, self._request().review_ids.reviewer_ids)
        request_model = self.env["ir.model"]._get("office.test.request")
        other = self._delegate(self.principal, self.deputy, models=request_model)
        self.assertTrue(other.is_current)

    def test_activities_reach_the_substitute_and_close_together(self):
        self._delegate(self.leader, self.deputy)
        record = self.Request.create({"name": "阅件"})
        activity = record.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.leader.id
        )
        twin = record.activity_ids.filtered(lambda a: a.user_id == self.deputy)
        self.assertEqual(len(twin), 1)
        self.assertEqual(twin.office_delegated_from_id, activity)
        twin.with_user(self.deputy).action_feedback("已阅")
        self.assertFalse(record.activity_ids)

    def test_rules(self):
        with self.assertRaises(ValidationError):
            self._delegate(self.leader, self.leader)
        with self.assertRaises(ValidationError):
            self._delegate(self.leader, self.deputy, days=(3, 1))
        self._delegate(self.leader, self.deputy)
        with self.assertRaises(ValidationError):
            self._delegate(self.leader, self.principal, days=(1, 2))

    def test_people_manage_only_their_own(self):
        delegation = self._delegate(self.leader, self.deputy, confirm=False)
        with self.assertRaises(UserError):
            delegation.with_user(self.deputy).action_confirm()
        self.assertFalse(
            self.env["office.delegation"]
            .with_user(self.staff)
            .search([("id", "=", delegation.id)])
        )
        delegation.with_user(self.director).action_confirm()
        self.assertEqual(delegation.state, "confirmed")
