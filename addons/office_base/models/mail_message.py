from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL

from ..tools import office_record_models


class MailMessage(models.Model):
    """A message about an office record follows the record, whoever wrote or
    received it. Odoo lets the author and the recipients read a message
    whatever the document; but the message carries the record's name (and
    often its subject), and the record may be classified after it was
    written or keep its writer out by need-to-know."""

    _inherit = "mail.message"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        ids = query.get_result_ids()
        if not ids:
            return query
        rows = self.env.execute_query(
            SQL(
                "SELECT id, model, res_id FROM mail_message WHERE id = ANY(%s)",
                list(ids),
            )
        )
        hidden = self._office_hidden(rows)
        if not hidden:
            return query
        return self.browse([id_ for id_ in ids if id_ not in hidden])._as_query(order)

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if operation != "read" or self.env.su:
            return forbidden
        messages = self - forbidden
        rows = [(m.id, m.model, m.res_id) for m in messages.sudo()]
        return forbidden + self.browse(sorted(self._office_hidden(rows)))

    @api.model
    def _office_hidden(self, rows):
        """Ids of the messages among ``rows`` (id, model, res_id) about an
        office record the user may not read."""
        office = set(office_record_models(self.env))
        by_model = defaultdict(lambda: defaultdict(set))
        for id_, model, res_id in rows:
            if model in office and res_id:
                by_model[model][res_id].add(id_)
        hidden = set()
        user_env = self.env(su=False)
        for model, messages in by_model.items():
            Model = user_env[model].with_context(active_test=False)
            readable = (
                set(Model.search([("id", "in", list(messages))]).ids)
                if Model.has_access("read")
                else set()
            )
            for res_id, ids in messages.items():
                if res_id not in readable:
                    hidden |= ids
        return hidden
