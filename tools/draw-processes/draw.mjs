// Draws each bpmn/*.bpmn as SVG (every diagram plane: a sub-process drawn collapsed gets its own picture).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(root, 'docs/processes');
fs.mkdirSync(out, { recursive: true });

const viewer = fs.readFileSync(path.join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
});
try {
  const page = await browser.newPage();
  await page.setContent('<div id="canvas" style="width:1600px;height:900px"></div>');
  await page.addScriptTag({ content: viewer });
  for (const file of fs.readdirSync(path.join(root, 'bpmn')).filter(f => f.endsWith('.bpmn')).sort()) {
    const xml = fs.readFileSync(path.join(root, 'bpmn', file), 'utf8');
    const svgs = await page.evaluate(async (xml) => {
      const container = document.getElementById('canvas');
      container.innerHTML = '';
      const bpmn = new BpmnJS({ container });
      await bpmn.importXML(xml);
      const canvas = bpmn.get('canvas');
      const result = [];
      for (const root of canvas.getRootElements()) {
        canvas.setRootElement(root);
        const { svg } = await bpmn.saveSVG();
        result.push({ id: root.businessObject.id, svg });
      }
      bpmn.destroy();
      return result;
    }, xml);
    const base = file.replace(/\.bpmn$/, '');
    svgs.forEach((s, i) => {
      const name = i === 0 ? `${base}.svg` : `${base}--${s.id.replace(/_plane$/, '')}.svg`;
      fs.writeFileSync(path.join(out, name), s.svg);
      console.log(`docs/processes/${name}`);
    });
  }
} finally {
  await browser.close();
}
