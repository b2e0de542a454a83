import { describe, expect, it } from 'vitest';
import { JavaMissing, checkJava } from '../../functions/local/engine';

describe('the embedded engine', () => {
  it('says what to install when Java is missing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => checkJava()).toThrow(JavaMissing);
      expect(() => checkJava()).toThrow(/openjdk-17-jre-headless/);
    } finally {
      process.env.PATH = path;
    }
  });
});
