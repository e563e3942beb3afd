from odoo import models

from ..tools import readable_domains_memoized


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _dispatch(cls, endpoint):
        # a page reads followers, mails and reviews of many records: the
        # user's readable domains are built once per request
        with readable_domains_memoized():
            return super()._dispatch(endpoint)
