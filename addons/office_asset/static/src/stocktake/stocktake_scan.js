import { Component, onWillStart, useRef, useState } from "@odoo/owl";
import { scanBarcode } from "@web/core/barcode/barcode_dialog";
import { isBarcodeScannerSupported } from "@web/core/barcode/barcode_video_scanner";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * The phone page of a stock-take: scan each asset's QR label with the
 * camera (Odoo's barcode scanner) or type / scan it with a hardware scanner;
 * the server records it (office.asset.stocktake.scan) and answers with the
 * counts shown here.
 */
export class StocktakeScan extends Component {
    static template = "office_asset.StocktakeScan";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.input = useRef("code");
        this.stocktakeId =
            this.props.action.params?.stocktake_id || this.props.action.context?.active_id;
        this.cameraSupported = isBarcodeScannerSupported();
        this.state = useState({ summary: {}, last: null, history: [] });
        onWillStart(async () => {
            this.state.summary = await this.orm.call(
                "office.asset.stocktake",
                "scan_summary",
                [[this.stocktakeId]]
            );
        });
    }

    async record(code) {
        if (!code) {
            return;
        }
        try {
            const summary = await this.orm.call("office.asset.stocktake", "scan", [
                [this.stocktakeId],
                code,
            ]);
            this.state.summary = summary;
            this.state.last = summary;
            this.state.history.unshift({ ...summary, key: this.state.history.length });
        } catch (error) {
            this.notification.add(error.data?.message || error.message || String(error), {
                type: "danger",
            });
        }
    }

    async onScanCamera() {
        try {
            const code = await scanBarcode(this.env);
            await this.record(code);
        } catch (error) {
            this.notification.add(error.message || _t("The camera could not be used."), {
                type: "warning",
            });
        }
    }

    async onSubmit(ev) {
        ev.preventDefault();
        const code = this.input.el.value.trim();
        this.input.el.value = "";
        await this.record(code);
    }
}

registry.category("actions").add("office_asset_stocktake_scan", StocktakeScan);
