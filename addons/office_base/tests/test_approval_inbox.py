from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..tools import readable
from .common import OfficeBaseCase, QueryCountMixin


@tagged("post_install", "-at_install")
class TestApprovalInbox(QueryCountMixin, OfficeBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.step_deputy = cls._tier(cls.deputy, sequence=20)
        cls.step_principal = cls._tier(cls.principal, sequence=10)

    def _inbox(self, user):
        action = self.env.ref("office_base.tier_review_action_office_inbox")
        domain = [
            ("office_approval", "=", True),
            ("status", "=", "pending"),
            ("can_review", "=", True),
            ("reviewer_ids", "in", [user.id]),
            ("model", "=", "office.test.request"),  # other addons' demo requests
        ]
        self.assertIn("office_approval", action.domain)
        return self.env["tier.review"].with_user(user).search(domain)

    def _request(self, **vals):
        request = self.Request.with_user(self.staff).create(
            {"name": "用车请示", **vals}
        )
        request.action_office_request_approval()
        return request

    def test_first_reviewer_sees_it_the_next_does_not_yet(self):
        request = self._request()
        inbox = self._inbox(self.deputy)
        self.assertEqual(inbox.mapped("res_id"), [request.id])
        self.assertEqual(inbox.res_name, "用车请示")
        self.assertFalse(self._inbox(self.principal))
        self.assertFalse(self._inbox(self.clerk))

    def test_approve_in_order_then_validated(self):
        request = self._request()
        self._inbox(self.deputy).with_user(self.deputy).action_office_approve()
        self.assertEqual(request.state, "draft")
        review = self._inbox(self.principal)
        self.assertEqual(len(review), 1)
        review.with_user(self.principal).action_office_approve()
        self.assertEqual(request.validation_status, "validated")
        self.assertEqual(request.state, "approved")
        self.assertFalse(self._inbox(self.principal))

    def test_refusal_needs_a_reason_and_stops_the_round(self):
        request = self._request()
        review = self._inbox(self.deputy).with_user(self.deputy)
        with self.assertRaises(UserError):
            review.office_refuse("  ")
        wizard = (
            self.env["office.review.refuse.wizard"]
            .with_user(self.deputy)
            .create({"review_ids": [(6, 0, review.ids)], "reason": "用途不明确"})
        )
        wizard.action_refuse()
        self.assertEqual(request.validation_status, "rejected")
        self.assertEqual(review.comment, "用途不明确")
        self.assertIn("用途不明确", request.message_ids[0].body)

    def test_not_a_reviewer_cannot_decide(self):
        request = self._request()
        review = request.review_ids.filtered(lambda r: r.status == "pending")
        with self.assertRaises(AccessError):
            review.with_user(self.clerk).action_office_approve()
        with self.assertRaises(UserError):
            # the principal's step is not yet reached
            request.review_ids.filtered(
                lambda r: r.reviewer_ids == self.principal
            ).with_user(self.principal).action_office_approve()

    def test_review_cannot_be_decided_by_writing_it(self):
        request = self._request()
        review = request.review_ids.filtered(lambda r: r.status == "pending")
        with self.assertRaises(AccessError):
            review.with_user(self.deputy).write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.with_user(self.staff).write(
                {"status": "approved", "done_by": self.staff.id}
            )
        self.assertEqual(review.status, "pending")

    def test_reviews_cannot_be_forged(self):
        request = self._request()
        review = request.review_ids.filtered(lambda r: r.status == "pending")
        with self.assertRaises(AccessError):
            review.with_user(self.clerk).write({"reviewer_ids": [(4, self.clerk.id)]})
        with self.assertRaises(AccessError):
            review.with_user(self.deputy).write({"on_behalf_of_id": self.principal.id})
        review.with_user(self.deputy).write({"comment": "同意，请办公室跟进"})
        with self.assertRaises(AccessError):
            review.with_user(self.clerk).write({"comment": "x"})
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.staff).create(
                {
                    "model": "office.test.request",
                    "res_id": self.Request.create({"name": "伪造"}).id,
                    "definition_id": self.step_deputy.id,
                    "status": "approved",
                }
            )
        self.rule_all.domain_force = "[('create_uid', '=', user.id)]"
        self.env.flush_all()
        with self.assertRaises(AccessError):
            review.with_user(self.clerk).unlink()
        self.assertTrue(review.exists())

    def test_reviewer_reads_what_he_reviews(self):
        # staff see only what they created
        self.rule_all.domain_force = "[('create_uid', '=', user.id)]"
        request = self._request()
        other = self.Request.with_user(self.clerk).create({"name": "别人的请示"})
        visible = self.Request.with_user(self.deputy).search([]).ids
        self.assertIn(request.id, visible)
        self.assertNotIn(other.id, visible)
        with self.assertRaises(AccessError):
            self.Request.with_user(self.deputy).browse(other.id).read(["name"])

    def test_reviewer_notified_by_activity_and_mail(self):
        request = self._request()
        activity = request.activity_ids.filtered(lambda a: a.user_id == self.deputy)
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.date_deadline)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("office_base.mail_act_office_approval"),
        )
        mails = self.env["mail.mail"].search([("model", "=", "tier.review")])
        review = request.review_ids.filtered(lambda r: r.status == "pending")
        mail = mails.filtered(lambda m: m.res_id == review.id)
        self.assertEqual(len(mail), 1)
        self.assertIn("/office/approval/approve", mail.body_html)
        self.assertIn("/office/approval/refuse", mail.body_html)
        self.assertIn("token=", mail.body_html)
        self.assertIn(self.deputy.partner_id, mail.recipient_ids)
        # deciding closes the activity
        review.with_user(self.deputy).action_office_approve()
        self.assertFalse(
            request.activity_ids.filtered(lambda a: a.user_id == self.deputy)
        )
        self.assertTrue(
            request.activity_ids.filtered(lambda a: a.user_id == self.principal)
        )

    def test_restart_keeps_the_earlier_round(self):
        request = self._request()
        self._inbox(self.deputy).with_user(self.deputy).office_refuse("请补充材料")
        self.assertEqual(request.state, "refused")
        # back to draft: OCA's tier validation deletes the reviews
        request.with_context(skip_validation_check=True).write({"state": "draft"})
        self.assertFalse(request.review_ids)
        history = request.approval_history_ids
        self.assertEqual(len(history), 2)
        refused = history.filtered(lambda h: h.status == "rejected")
        self.assertEqual(refused.done_by_id, self.deputy)
        self.assertEqual(refused.comment, "请补充材料")
        request.action_office_request_approval()
        self.assertEqual(len(request.review_ids), 2)
        self.assertEqual(len(request.approval_history_ids), 2)

    def _decidable(self, user, requests):
        """The requests ``user`` finds by "can review", checked against
        OCA's rule computed in Python on each of them."""
        Request = self.Request.with_user(user)
        among = ("id", "in", requests.ids)
        found = Request.search([("can_review", "=", True), among])
        computed = Request.browse(requests.ids).filtered("can_review")
        self.assertEqual(found, computed, user.login)
        others = Request.search([("can_review", "=", False), among])
        self.assertEqual(others, Request.browse(requests.ids) - found, user.login)
        return found

    def test_requests_i_may_decide_now_are_searched_as_oca_computes_them(self):
        first, second = self._request(), self._request()
        both = first | second
        self.assertEqual(self._decidable(self.deputy, both), both)
        self.assertFalse(self._decidable(self.principal, both), "not his turn yet")
        self.assertFalse(self._decidable(self.staff, both), "not a reviewer")
        self._inbox(self.deputy).filtered(
            lambda review: review.res_id == first.id
        ).with_user(self.deputy).action_office_approve()
        self.assertEqual(self._decidable(self.deputy, both), second)
        self.assertEqual(self._decidable(self.principal, both), first)
        self._inbox(self.principal).with_user(self.principal).action_office_approve()
        self.assertFalse(self._decidable(self.principal, both), "decided")

    def test_no_context_key_holds_back_the_next_review(self):
        """OCA defers moving the next review to pending under a context key;
        sent with a decision, it would stall the request."""
        self._request()
        self._inbox(self.deputy).with_user(self.deputy).with_context(
            tier_validation_defer_compute_can_review=True
        ).action_office_approve()
        self.assertEqual(len(self._inbox(self.principal)), 1)

    def test_request_twice_is_refused(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.action_office_request_approval()

    def test_the_systray_counts_my_reviews_building_readable_domains_once(self):
        """OCA's review counter (every page) searches the reviews of each
        request: the readable domain of the user is built once per call."""
        requests = self._request() | self._request(name="会议请示")
        builds = []
        build = readable._readable_reference_domain

        def counted(*args):
            builds.append(args[1])
            return build(*args)

        with patch.object(readable, "_readable_reference_domain", counted):
            counts = self.env["res.users"].with_user(self.deputy).review_user_count()
        mine = [c for c in counts if c["model"] == "office.test.request"]
        self.assertEqual(mine[0]["pending_count"], len(requests))
        self.assertEqual(len(builds), len({tuple(models) for models in builds}))
        # outside the counter nothing is kept between searches
        self.assertFalse(readable._MEMO.get())

    def test_the_inbox_finds_my_reviews_without_a_subquery_per_request_kind(self):
        """待审批 names me as a reviewer: its query leaves out the readable
        subquery of every approval model and finds what the full check finds."""
        self._request()
        self._request(name="会议请示")
        Review = self.env["tier.review"].with_user(self.deputy)
        mine = [("status", "=", "pending"), ("reviewer_ids", "in", [self.deputy.id])]
        sql = Review._search(mine).select().code
        self.assertNotIn("office_test_request", sql)
        # a negation keeps the full visibility check
        full = Review.search(["!", ("id", "=", 0), *mine])
        self.assertIn(
            "office_test_request",
            Review._search(["!", ("id", "=", 0), *mine]).select().code,
        )
        self.assertEqual(Review.search(mine), full)
        self.assertEqual(len(full), 2)

    def test_the_inbox_page_reads_its_requests_a_model_at_a_time(self):
        """The inbox's request name and file count of a page cost the same
        queries for 2 reviews as for 8: the requests of a model are read
        together, not each alone."""
        for i in range(8):
            self._request(name=f"用车请示{i}")
        reviews = self._inbox(self.deputy)
        self.assertEqual(len(reviews), 8)

        def page(count):
            def read():
                self.env["tier.review"].with_user(self.deputy).browse(
                    reviews[:count].ids
                ).read(["res_name", "office_attachment_count"])

            return read

        few, many = self._queries(page(2)), self._queries(page(8))
        self.assertLessEqual(many, few, (few, many))
