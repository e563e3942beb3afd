from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OfficeBaseCase

TITLE = "关于机密事项的请示CANARY"


@tagged("post_install", "-at_install")
class TestSecretDoors(OfficeBaseCase):
    """The doors beside a classified request: its reviews, the approval
    e-mail and its links, its followers. Each shows the request only to
    those who may read it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tier(cls.deputy)
        cls.secret = cls.Request.with_user(cls.budget_cleared).create(
            {
                "name": TITLE,
                "secrecy_level": "confidential",
                "need_to_know_user_ids": [(4, cls.deputy.id)],
            }
        )
        cls.secret.with_user(cls.budget_cleared).action_office_request_approval()
        cls.review = cls.secret.review_ids

    def _reviews(self, user):
        return (
            self.env["tier.review"]
            .with_user(user)
            .search(
                [("model", "=", self.secret._name), ("res_id", "=", self.secret.id)]
            )
        )

    def test_reviews_only_for_requester_reviewers_and_readers(self):
        self.assertEqual(self._reviews(self.budget_cleared), self.review)
        self.assertEqual(self._reviews(self.deputy), self.review)
        for outsider in (self.staff, self.clerk, self.director, self.outsider):
            self.assertFalse(self._reviews(outsider), outsider.login)

    def test_review_names_the_request_only_to_its_readers(self):
        self.assertEqual(self.review.with_user(self.deputy).res_name, TITLE)
        unread = self.Request.with_user(self.budget_cleared).create(
            {"name": f"{TITLE}2", "secrecy_level": "confidential"}
        )
        unread.with_user(self.budget_cleared).action_office_request_approval()
        name = unread.review_ids.with_user(self.deputy).res_name
        self.assertTrue(name)
        self.assertNotIn(TITLE, name, "the reviewer is not on the need-to-know list")

    def _approval_mails(self):
        return self.env["mail.mail"].search(
            [("model", "=", "tier.review"), ("res_id", "=", self.review.id)]
        )

    def test_approval_mail_of_a_classified_request_has_no_title(self):
        mail = self._approval_mails()
        self.assertEqual(len(mail), 1)
        self.assertNotIn(TITLE, mail.subject)
        self.assertNotIn(TITLE, str(mail.body_html))
        self.assertIn("/office/approval/approve", str(mail.body_html))

    def test_approval_mail_is_read_by_its_reviewer_only(self):
        message = self._approval_mails().mail_message_id
        Message = self.env["mail.message"]
        for user in (self.budget_cleared, self.staff, self.clerk, self.director):
            found = Message.with_user(user).search([("id", "=", message.id)])
            self.assertFalse(found, user.login)
        self.assertEqual(
            Message.with_user(self.deputy).search([("id", "=", message.id)]), message
        )

    def test_followers_of_a_hidden_record_are_hidden(self):
        public = self.Request.with_user(self.staff).create({"name": "公开请示"})
        for record in (self.secret, public):
            record.message_subscribe(partner_ids=self.deputy.partner_id.ids)
        Followers = self.env["mail.followers"]
        for record, visible in ((self.secret, False), (public, True)):
            found = Followers.with_user(self.staff).search(
                [("res_model", "=", record._name), ("res_id", "=", record.id)]
            )
            self.assertEqual(bool(found), visible, record.name)
        self.assertTrue(
            Followers.with_user(self.deputy).search(
                [("res_model", "=", self.secret._name), ("res_id", "=", self.secret.id)]
            )
        )

    def test_a_hidden_review_is_refused_when_read_by_id(self):
        with self.assertRaises(AccessError):
            self.review.with_user(self.staff).read(["res_name"])
        self.assertTrue(self.review.with_user(self.deputy).read(["res_name"]))

    def test_a_hidden_follower_is_refused_when_read_by_id(self):
        self.secret.message_subscribe(partner_ids=self.deputy.partner_id.ids)
        follower = self.env["mail.followers"].search(
            [("res_model", "=", self.secret._name), ("res_id", "=", self.secret.id)],
            limit=1,
        )
        with self.assertRaises(AccessError):
            follower.with_user(self.staff).read(["partner_id"])

    def test_the_mail_queue_hides_approval_mails_of_hidden_reviews(self):
        """The system administrator keeps the mail queue but reads no clearance:
        an approval e-mail of a review he may not see is not in his queue, one
        of a public request is."""
        public = self.Request.with_user(self.staff).create({"name": "公开请示"})
        public.with_user(self.staff).action_office_request_approval()
        public_mail = self.env["mail.mail"].search(
            [("model", "=", "tier.review"), ("res_id", "in", public.review_ids.ids)]
        )
        self.assertTrue(public_mail)
        sysadmin = new_test_user(
            self.env, login="queue_admin", groups="base.group_system"
        )
        Mail = self.env["mail.mail"].with_user(sysadmin)
        mails = self._approval_mails() | public_mail
        self.assertEqual(Mail.search([("id", "in", mails.ids)]), public_mail)
        with self.assertRaises(AccessError):
            self._approval_mails().with_user(sysadmin).read(["subject"])

    def test_own_messages_of_a_record_no_longer_readable_are_hidden(self):
        """Odoo lets a message's author and recipients read it whatever the
        document; the message names the record, so a reader taken off the
        need-to-know list loses the messages he wrote or received too."""
        secret = self.Request.with_user(self.budget_cleared).create(
            {
                "name": "关于另一机密事项的请示WRITTEN",
                "secrecy_level": "confidential",
                "need_to_know_user_ids": [(4, self.deputy.id)],
            }
        )
        note = secret.with_user(self.deputy).message_post(body="已阅")
        told = secret.with_user(self.budget_cleared).message_post(
            body="请阅", partner_ids=self.deputy.partner_id.ids
        )
        Message = self.env["mail.message"].with_user(self.deputy)
        mine = [("model", "=", secret._name), ("res_id", "=", secret.id)]
        self.assertEqual(Message.search(mine) & (note | told), note | told)
        secret.need_to_know_user_ids = [(3, self.deputy.id)]
        self.assertFalse(Message.search(mine))
        self.assertFalse(Message.search([("record_name", "ilike", "WRITTEN")]))
        for message in (note, told):
            with self.assertRaises(AccessError):
                message.with_user(self.deputy).read(["record_name"])
