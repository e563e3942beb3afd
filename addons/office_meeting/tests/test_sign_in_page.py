from odoo.tests import HttpCase, tagged

from .common import OfficeMeetingCase


@tagged("post_install", "-at_install")
class TestSignInPage(OfficeMeetingCase, HttpCase):
    """The page the meeting's QR code opens on a participant's phone."""

    def test_a_participant_signs_in_from_the_page_of_the_qr_code(self):
        meeting = self._approved_meeting()
        meeting.action_notify()
        url = f"/office_meeting/sign_in/{meeting.id}/{meeting.access_token}"
        self.authenticate(self.staff.login, self.staff.login)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("测试会议", page.text)
        self.assertIn("o_sign_in", page.text)
        page = self.url_open(url, data={"csrf_token": self._csrf_token(url)})
        self.assertEqual(page.status_code, 200)
        line = self._attendee(meeting, self.staff)
        self.assertEqual((line.state, line.sign_in_method), ("present", "qr"))
        self.assertNotIn("o_sign_in", page.text)

    def test_a_wrong_code_opens_nothing(self):
        meeting = self._approved_meeting()
        meeting.action_notify()
        self.authenticate(self.staff.login, self.staff.login)
        page = self.url_open(f"/office_meeting/sign_in/{meeting.id}/wrong")
        self.assertEqual(page.status_code, 404)
        self.assertEqual(self._attendee(meeting, self.staff).state, "invited")

    def _csrf_token(self, url):
        text = self.url_open(url).text
        marker = 'name="csrf_token" value="'
        start = text.index(marker) + len(marker)
        return text[start : text.index('"', start)]
