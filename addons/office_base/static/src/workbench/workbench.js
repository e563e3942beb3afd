import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

/**
 * The workbench (工作台), each role's home: what waits for me, my nearest
 * deadlines in working days, and the counts a director watches. The server
 * counts as the user (office.workbench.tile.get_workbench).
 */
export class OfficeWorkbench extends Component {
    static template = "office_base.OfficeWorkbench";
    static components = { Layout };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ tiles: [], deadlines: [] });
        onWillStart(() => this.load());
    }

    async load() {
        const data = await this.orm.call("office.workbench.tile", "get_workbench", []);
        Object.assign(this.state, data);
    }

    get todoTiles() {
        return this.state.tiles.filter((tile) => tile.kind === "todo");
    }

    get watchTiles() {
        return this.state.tiles.filter((tile) => tile.kind === "watch");
    }

    daysLabel(item) {
        if (item.days_left < 0) {
            return _t("%s working days late", -item.days_left);
        }
        if (item.days_left === 0) {
            return _t("due today");
        }
        return _t("%s working days left", item.days_left);
    }

    async openTile(tile) {
        const action = await this.orm.call("office.workbench.tile", "action_open", [[tile.id]]);
        await this.action.doAction(action);
    }

    async openRecord(item) {
        const action = await this.orm.call("office.workbench.tile", "action_open_record", [
            [item.tile_id],
            item.res_id,
        ]);
        await this.action.doAction(action);
    }
}

registry.category("actions").add("office_workbench", OfficeWorkbench);
