// Sending: the receipt with its tracker link, a phone photo's GPS gone from the stored bytes,
// and the public record notice tied to the send button.
import { expect, oneEvent } from '@open-wc/testing';
import type { KcSubmittedEvent } from '../../events/submitted.js';
import { blobContains, PLANTED } from '../../internal/photos/exif-fixtures.js';
import {
  active,
  fillToReview,
  phonePhoto,
  query,
  recordUploads,
  renderReport,
  server,
  setUpFaultReportTests,
  TRACKER,
  text,
} from '../../test-support/fault-report-fixture.js';
import { countCases } from '../../test-support/kontakt-server.js';

setUpFaultReportTests();

describe('<kc-fault-report> sending', () => {
  it('sends the report with a photo whose GPS position never reaches the server, and shows the receipt', async function () {
    this.timeout(40_000);
    const element = await renderReport();
    const before = await countCases(server);
    await fillToReview(element, { photos: [await phonePhoto()] });
    expect(text(element, '[part~="summary"]')).to.contain('1 foto');
    expect(query(element, '#next').getAttribute('aria-describedby')).to.equal('public-record');

    const uploads = recordUploads();
    try {
      const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
      query(element, '#next').click();
      const { receipt } = await submitted;
      await element.updateComplete;

      expect(element.matches(':state(submitted)')).to.be.true;
      expect(active(element)?.id).to.equal('receipt-heading');
      expect(text(element, '[part~="reference"]')).to.equal(receipt.reference);
      const link = query<HTMLAnchorElement>(element, '[part~="tracker-link"]');
      expect(link.href).to.equal(
        `${TRACKER}#reference=${receipt.reference}&token=${receipt.receiptToken}`,
      );
      expect(await countCases(server)).to.equal(before + 1);
      await expect(element).to.be.accessible();

      // The stored photo, read back under the case's access rules: no Exif, no position.
      expect(uploads.ids).to.have.length(1);
      const response = await fetch(
        `${server.url}/v1/cases/${receipt.reference}/photos/${uploads.ids[0]}`,
        { headers: { authorization: `Bearer ${receipt.receiptToken}` } },
      );
      expect(response.status).to.equal(200);
      const stored = await response.blob();
      for (const planted of PLANTED) expect(await blobContains(stored, planted)).to.be.false;
    } finally {
      uploads.stop();
    }
  });
});
