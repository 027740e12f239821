import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, toCsv } from '../../../api/lib/csv.ts';

describe('CSV', () => {
  it('writes a header row and CRLF line ends, quoting fields with commas, quotes and line breaks', () => {
    const csv = toCsv(
      ['Thema', 'Aantal'],
      [
        ['fiets, auto', 3],
        ['zei "nee"', 2],
        ['twee\nregels', null],
      ],
    );
    assert.equal(csv, 'Thema,Aantal\r\n"fiets, auto",3\r\n"zei ""nee""",2\r\n"twee\nregels",\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example")'), `"'=HYPERLINK(""http://evil.example"")"`);
    assert.equal(csvCell('+31 6 1234'), "'+31 6 1234");
    assert.equal(csvCell('-1+1'), "'-1+1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tcmd'), "'\tcmd");
  });

  it('writes numbers as numbers, negative ones too, and plain text as it is', () => {
    assert.equal(csvCell(-3), '-3');
    assert.equal(csvCell(0.25), '0.25');
    assert.equal(csvCell('Parklaan'), 'Parklaan');
  });
});
