/**
 * Writes `megabytes` MB to a file through the command line's writeFileAtomic, in a child process
 * (the SIGINT test interrupts it while the temporary file is being written).
 */
import { writeFileAtomic } from '../../src/cli/files';

const [target, megabytes] = process.argv.slice(2);
writeFileAtomic(target!, Buffer.alloc(Number(megabytes) * 1024 * 1024, 0x61), { force: false }).then(
  () => (process.exitCode = 0),
  () => (process.exitCode = 3),
);
