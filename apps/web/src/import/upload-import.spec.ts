import { takeLines } from './upload-import';

describe('takeLines', () => {
  it('takes the complete lines of a growing answer, once each', () => {
    let text = '{"type":"received","bytes":10}\n{"type":"pro';
    const first = takeLines(text, 0);
    expect(first.lines).toEqual(['{"type":"received","bytes":10}']);
    text += 'gress","lines":1}\n\n{"type":"result"}\n';
    const second = takeLines(text, first.next);
    expect(second.lines).toEqual(['{"type":"progress","lines":1}', '{"type":"result"}']);
    expect(takeLines(text, second.next)).toEqual({ lines: [], next: second.next });
  });
});
