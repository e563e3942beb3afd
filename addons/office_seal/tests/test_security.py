from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSealSecurity(OfficeSealCase):
    """The security section of the issue: applicants their own requests,
    keepers their seals' requests and ledgers, the director all, leaders
    what they approve."""

    def test_leaders_read_what_they_approved(self):
        cat2 = self._approved_request(use_category="cat2", leader_id=self.deputy.id)
        cat2.with_user(self.keeper).stamp(1)
        cat1 = self._approved_request()
        cat1.with_user(self.keeper).stamp(1)
        Request = self.env["office.seal.use.request"]
        Ledger = self.env["office.seal.ledger"]
        # the deputy in charge: his request and its ledger entry, nothing else
        self.assertEqual(
            Request.with_user(self.deputy).search([("id", "in", (cat1 | cat2).ids)]),
            cat2,
        )
        self.assertEqual(
            Ledger.with_user(self.deputy).search([]), cat2.sudo().ledger_ids
        )
        self.assertFalse(Request.with_user(self.deputy_other).search([]))
        self.assertFalse(Ledger.with_user(self.deputy_other).search([]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            cat1.sudo().ledger_ids.with_user(self.deputy).read(["summary"])
        self.assertEqual(
            Ledger.with_user(self.principal).search([]), cat1.sudo().ledger_ids
        )
        # leaders never write the ledger
        with self.assertRaises(AccessError):
            cat2.sudo().ledger_ids.with_user(self.deputy).write({"impressions": 3})

    def test_applicants_and_keepers(self):
        mine = self._approved_request()
        theirs = self._approve(self._request(user=self.staff2), self.principal)
        Request = self.env["office.seal.use.request"]
        self.assertNotIn(theirs, Request.with_user(self.staff).search([]))
        self.assertIn(mine, Request.with_user(self.staff).search([]))
        # a keeper reads but does not edit the requests for his seals
        self.assertIn(theirs, Request.with_user(self.keeper2).search([]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            theirs.with_user(self.keeper2).check_access("write")
        self.assertFalse(Request.with_user(self.other_keeper).search([]))
        self.assertEqual(
            Request.with_user(self.director).search(
                [("id", "in", (mine | theirs).ids)]
            ),
            mine | theirs,
        )
