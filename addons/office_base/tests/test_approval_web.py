import re
from unittest.mock import patch
from urllib.parse import urlsplit

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..tools import readable
from .common import OfficeBaseCase


@tagged("post_install", "-at_install")
class TestApprovalWeb(OfficeBaseCase, HttpCase):
    """The approvals inbox in the browser and the signed e-mail links."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tier(cls.deputy)

    def _request(self, name):
        request = self.Request.with_user(self.staff).create({"name": name})
        request.action_office_request_approval()
        return request, request.review_ids

    def _link(self, review, action):
        url = urlsplit(review._office_action_url(action))
        return f"{url.path}?{url.query}"

    def test_a_page_builds_the_readable_domains_once(self):
        """A list read with its followers and messages (each a search through
        the readable domain of the office models) builds each domain once in
        the request, and keeps nothing after it."""
        self._request("缓存请示")
        self.authenticate("deputy", "deputy")
        builds = []
        build = readable._readable_reference_domain

        def counted(*args):
            builds.append(tuple(args[1]))
            return build(*args)

        with patch.object(readable, "_readable_reference_domain", counted):
            rows = self.make_jsonrpc_request(
                "/web/dataset/call_kw/office.test.request/search_read",
                {
                    "model": "office.test.request",
                    "method": "search_read",
                    "args": [[]],
                    "kwargs": {
                        "fields": ["name", "message_partner_ids", "review_ids"],
                        "context": {"lang": "zh_CN"},
                    },
                },
            )
        self.assertTrue(rows)
        self.assertTrue(builds)
        self.assertEqual(
            len(builds), len(set(builds)), "a domain was built twice in the request"
        )
        self.assertFalse(readable._MEMO.get())

    def test_phone_approval_from_the_inbox(self):
        request, _review = self._request("手机审批请示")
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo", "office_inbox_phone_approve", login="deputy")
        self.assertEqual(request.validation_status, "validated")

    def test_desktop_refusal_with_reason(self):
        request, review = self._request("桌面退回请示")
        self.start_tour("/odoo", "office_inbox_desktop_refuse", login="deputy")
        self.assertEqual(request.validation_status, "rejected")
        self.assertEqual(review.comment, "请补充用车事由")

    def _form(self, page):
        return dict(
            re.findall(r'name="(csrf_token|res_id|token)" value="([^"]*)"', page.text)
        )

    def test_mail_link_approves_for_the_reviewer(self):
        request, review = self._request("邮件审批请示")
        self.authenticate("deputy", "deputy")
        page = self.url_open(self._link(review, "approve"))
        self.assertEqual(page.status_code, 200)
        self.assertEqual(review.status, "pending", "a GET shows, it never decides")
        form = self._form(page)
        self.assertEqual(set(form), {"csrf_token", "res_id", "token"})
        self.url_open("/office/approval/approve", data=form)
        self.assertEqual(review.status, "approved")
        self.assertEqual(request.validation_status, "validated")

    def test_mail_link_in_an_image_decides_nothing(self):
        """A link copied into an <img> (or any GET a page makes the reviewer's
        browser send) shows the page; a POST without the reviewer's CSRF
        token is refused."""
        _request, review = self._request("图片链接请示")
        self.authenticate("deputy", "deputy")
        self.url_open(self._link(review, "approve"))
        url = urlsplit(review._office_action_url("approve"))
        query = dict(part.split("=", 1) for part in url.query.split("&"))
        with mute_logger("odoo.http"):  # Odoo warns of the missing token
            forged = self.url_open("/office/approval/approve", data=query)
        self.assertEqual(forged.status_code, 400)
        self.assertEqual(review.status, "pending")

    def test_mail_link_shows_nothing_to_others(self):
        _request, review = self._request("他人打开链接请示")
        self.authenticate("clerk", "clerk")
        page = self.url_open(self._link(review, "approve"))
        self.assertNotIn("他人打开链接请示", page.text)
        self.assertNotIn('action="/office/approval/approve"', page.text)

    def test_mail_link_refuse_asks_a_reason(self):
        request, review = self._request("邮件退回请示")
        self.authenticate("deputy", "deputy")
        link = self._link(review, "refuse")
        page = self.url_open(link)
        self.assertIn("reason", page.text)
        self.assertEqual(review.status, "pending")
        form = self._form(page)
        self.assertEqual(set(form), {"csrf_token", "res_id", "token"})
        self.url_open("/office/approval/refuse", data={**form, "reason": "材料不全"})
        self.assertEqual(review.status, "rejected")
        self.assertEqual(review.comment, "材料不全")

    def test_mail_link_is_useless_to_others_and_when_forged(self):
        _request, review = self._request("他人邮件请示")
        self.authenticate("clerk", "clerk")
        self.url_open(self._link(review, "approve"))
        self.assertEqual(review.status, "pending", "the clerk is no reviewer")
        self.authenticate("deputy", "deputy")
        forged = self._link(review, "approve").replace("token=", "token=00")
        self.url_open(forged)
        self.assertEqual(review.status, "pending", "a forged token does nothing")
