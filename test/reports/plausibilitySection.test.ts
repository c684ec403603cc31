import { describe, expect, it } from "vitest";
import { plausibilitySection } from "../../reports/html/renderReportHtml.js";

describe("report.html plausibility section", () => {
  it("lists each subnet's price change, share and flows, largest share first", () => {
    const html = plausibilitySection([
        { netuid: 2, priceStart: 0.04, priceEnd: 0.032, priceChange: -0.2, meanShare: 0.35, taoInjected: 1, taoChainBought: 0.5, rootClaimedAlpha: 0, alphaSold: 2, alphaYield: 0.5, rootYieldPart: 0.01, validatorYield: null, fullDetail: false },
        { netuid: 1, priceStart: 0.1, priceEnd: 0.12, priceChange: 0.2, meanShare: 0.65, taoInjected: 1, taoChainBought: 2, rootClaimedAlpha: 1, alphaSold: 5, alphaYield: 0.25, rootYieldPart: 0.02, validatorYield: { count: 3, min: 0.1, median: 0.2, max: 0.3 }, fullDetail: false },
    ]);
    const section = html.slice(html.indexOf('<section id="plausibility">'));
    expect(section).toContain("<tr><td>1</td><td>0.1000</td><td>0.1200</td><td>20.0 %</td><td>65.00 %</td>");
    expect(section.indexOf("<tr><td>1</td>")).toBeLessThan(section.indexOf("<tr><td>2</td>"));
    // α yield, root yield part, validators' median (min – max)
    expect(section).toContain("<td>25.0 %</td><td>2.00 %</td><td>20.0 % (10.0 % – 30.0 %)</td></tr>");
    expect(section).toContain("<td>50.0 %</td><td>1.00 %</td><td>n/a</td></tr>");
  });

  it("adds the staking yields by kind of stake and their definitions", () => {
    const html = plausibilitySection([], {
      windowBlocks: 26_280, rootYield: 0.5, rootDividendsTao: 5, rootStakeMeanTao: 1000, taoWeight: 0.18,
      alphaYield: { count: 2, min: 0.2, median: 0.25, max: 0.3 }, validatorYield: { count: 3, min: 0.5, median: 1, max: 2 },
    });
    expect(html).toContain('<tr><th class="text">root stake</th><td>50.0 %</td><td class="text">5 TAO of root dividends on 1,000 TAO of root stake (mean)</td></tr>');
    expect(html).toContain("<td>25.0 % (20.0 % – 30.0 %)</td>");
    expect(html).toContain("<td>100.0 % (50.0 % – 200.0 %)</td>");
    expect(html).toContain("× 2,628,000 blocks per year (7200 × 365)");
    expect(html).toContain("over the 26,280 blocks from the first to the last sample");
  });
});
