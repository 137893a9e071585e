import { describe, expect, it } from 'vitest';
import { enqueueMail } from '../outbox/outbox.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { linkify } from './dev-mailbox.routes.tsx';

describe('dev mailbox', () => {
  const t = useTestApp();

  it('SYS-1 lists every queued message and shows its text with clickable links', async () => {
    const [id] = await enqueueMail(t.current.services.db, {
      to: 'someone@example.com',
      subject: '帳號啟用確認信',
      text: '請點選下列連結啟用帳號：\nhttp://localhost:3000/platform/activate?token=abc123\n<script>x</script>',
    });
    const list = await t.current.app.inject('/dev/mail');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('帳號啟用確認信');
    expect(list.body).toContain(`/dev/mail/${id}`);
    const one = await t.current.app.inject(`/dev/mail/${id}`);
    expect(one.body).toContain('<a href="http://localhost:3000/platform/activate?token=abc123">');
    expect(one.body).toContain('&lt;script>x&lt;/script>');
    expect((await t.current.app.inject('/dev/mail/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('SYS-4 linkify escapes everything and links only http(s) URLs', () => {
    expect(linkify('a <b> javascript:alert(1) https://x.example/?a=1&b="2"')).toBe(
      'a &lt;b> javascript:alert(1) <a href="https://x.example/?a=1&amp;b=">https://x.example/?a=1&amp;b=</a>&#34;2&#34;',
    );
  });
});

describe('dev mailbox in production', () => {
  const t = useTestApp('pglite', { env: { NODE_ENV: 'production', CAPTCHA_TEST_CODE: '' } });

  it('SYS-4 does not exist in production', async () => {
    expect((await t.current.app.inject('/dev/mail')).statusCode).toBe(404);
  });
});
