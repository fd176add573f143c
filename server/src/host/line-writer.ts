// Writes lines to an open file descriptor through a 64 KiB buffer, so a long run's history never sits in
// memory whole. The owner of the descriptor opens and closes it.
import { writeSync } from 'node:fs';

export class LineWriter {
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  line = (text: string): void => {
    this.chunks.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= 65536) this.flush();
  };
  flush(): void {
    if (this.chunks.length) writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
}
