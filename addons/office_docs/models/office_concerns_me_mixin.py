from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class OfficeConcernsMeMixin(models.AbstractModel):
    """The staff's record rule of a register as one condition.

    The rule reads "one of my departments leads it, or I wrote it, or ...":
    as an OR of those parts PostgreSQL evaluates every part on every row of
    the register (a scan of the year's documents). Here each part is a
    lookup on its own index (``_office_concerns_me_parts``), the parts are
    put together in one set, and the register is joined on its key."""

    _name = "office.concerns.me.mixin"
    _description = "Documents Concerning Me"

    office_concerns_me = fields.Boolean(
        string="Concerns me",
        compute="_compute_office_concerns_me",
        search="_search_office_concerns_me",
    )

    def _office_concerns_me_parts(self):
        """[(table, column of the document's id, column, value)]: a value is
        a user id or a list of department ids."""
        raise NotImplementedError()

    def _office_concerns_me_sql(self, ids=None):
        """The ids of the documents concerning the user, among ``ids``; a
        document under approval concerns its reviewers."""
        parts = []
        for table, id_column, column, value in self._office_concerns_me_parts():
            condition = SQL(
                "%s = ANY(%s)" if isinstance(value, list) else "%s = %s",
                SQL.identifier(column),
                value,
            )
            if ids is not None:
                condition = SQL(
                    "%s AND %s = ANY(%s)", condition, SQL.identifier(id_column), ids
                )
            parts.append(
                SQL(
                    "SELECT %s FROM %s WHERE %s",
                    SQL.identifier(id_column),
                    SQL.identifier(table),
                    condition,
                )
            )
        if getattr(self, "_office_approval", False):
            parts.append(self._office_reviewed_by_me_sql(ids))
        return SQL("(%s)", SQL(" UNION ALL ").join(parts))

    def _office_reviewed_by_me_sql(self, ids=None):
        condition = SQL(
            "review.model = %s AND reviewer.res_users_id = %s",
            self._name,
            self.env.uid,
        )
        if ids is not None:
            condition = SQL("%s AND review.res_id = ANY(%s)", condition, ids)
        return SQL(
            "SELECT review.res_id FROM tier_review review"
            " JOIN res_users_tier_review_rel reviewer"
            " ON reviewer.tier_review_id = review.id WHERE %s",
            condition,
        )

    @api.depends_context("uid")
    def _compute_office_concerns_me(self):
        ids = self.filtered("id").ids
        rows = self.env.execute_query(self._office_concerns_me_sql(ids)) if ids else []
        concerning = {row[0] for row in rows}
        for doc in self:
            doc.office_concerns_me = doc.id in concerning

    def _search_office_concerns_me(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “Concerns me”."))
        return [
            (
                "id",
                "in" if (operator == "=") == value else "not in",
                self._office_concerns_me_sql(),
            )
        ]
