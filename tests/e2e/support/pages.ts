// Page objects for the pages journeys use: what a person sees and does, by label and role (the same names
// a screen reader announces), so that a changed page is fixed here once.
import type { Page } from 'playwright-core';
import { TEST_CAPTCHA } from '../../helpers/app.ts';

/** 應徵者登入 /platform/login. */
export class ApplicantLoginPage {
  constructor(readonly page: Page) {}
  async goto(next?: string): Promise<this> {
    await this.page.goto(next ? `/platform/login?next=${encodeURIComponent(next)}` : '/platform/login');
    return this;
  }
  /** Fills 帳號, 密碼 and the test captcha and presses 登入 (the page must be open). */
  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('帳號').fill(email);
    await this.page.getByLabel(/^密碼/).fill(password);
    await this.page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
    await this.page.getByRole('button', { name: '登入' }).click();
    await this.page.waitForLoadState();
  }
}

/** eCPA 人事人員登入 /ecpa/login. */
export class StaffLoginPage {
  constructor(readonly page: Page) {}
  async goto(next?: string): Promise<this> {
    await this.page.goto(next ? `/ecpa/login?next=${encodeURIComponent(next)}` : '/ecpa/login');
    return this;
  }
  /** Fills 帳號, 密碼 and the test captcha and presses 登入 (the page must be open). */
  async signIn(account: string, password: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /^帳號/ }).fill(account);
    await this.page.locator('#f-password').fill(password);
    await this.page.getByRole('textbox', { name: '驗證碼', exact: true }).fill(TEST_CAPTCHA);
    await this.page.getByRole('button', { name: '登入', exact: true }).click();
    await this.page.waitForLoadState();
  }
}

/** 查詢職缺資料: the home page and /jobs. */
export class SearchPage {
  readonly rows;
  constructor(readonly page: Page) {
    this.rows = page.locator('table.data-table tbody tr');
  }
  async goto(query = ''): Promise<this> {
    await this.page.goto(query ? `/jobs?${query}` : '/');
    return this;
  }
  /** Types a keyword and presses 查詢; waits for the query to reach the URL. */
  async searchKeyword(keyword: string): Promise<void> {
    await this.page.getByLabel('關鍵字').fill(keyword);
    await this.submit(/keyword=/);
  }
  /** Ticks a 工作地 and presses 查詢. */
  async checkPlace(name: string, code: string): Promise<void> {
    const more = this.page.locator('details.search-more');
    if ((await more.getAttribute('open')) === null) await more.locator('summary').click(); // 更多條件 (issue 16 item 6)
    await this.page.getByLabel(name).check();
    await this.submit(new RegExp(`place=${code}`));
  }
  async submit(urlPattern: RegExp): Promise<void> {
    await this.page.getByRole('button', { name: '查詢' }).click();
    await this.page.waitForURL(urlPattern);
  }
  /** The number in 「共 N 筆職缺」. */
  async total(): Promise<number> {
    return Number((await this.page.getByRole('status').first().textContent())!.replace(/[^\d]/g, ''));
  }
  /** The texts of one column of the results (1-based, e.g. 7 = 工作地點). */
  column(n: number): Promise<string[]> {
    return this.rows.locator(`td:nth-child(${n})`).allTextContents();
  }
  async nextPage(): Promise<void> {
    await this.page.getByRole('link', { name: '下一頁' }).click();
    await this.page.waitForURL(/page=\d+/);
  }
}

/** 職缺內容 /jobs/:workId. */
export class JobPage {
  constructor(readonly page: Page) {}
  async goto(workId: string): Promise<this> {
    await this.page.goto(`/jobs/${workId}`);
    return this;
  }
  heading(): Promise<string | null> {
    return this.page.getByRole('heading', { level: 1 }).textContent();
  }
}

/** 履歷 /platform/resume (signed in). */
export class ResumePage {
  constructor(readonly page: Page) {}
  async goto(): Promise<this> {
    await this.page.goto('/platform/resume');
    return this;
  }
  /** Fills text fields by their labels. */
  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.page.getByLabel(label, { exact: true }).fill(value);
  }
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '儲存履歷' }).click();
    await this.page.waitForLoadState();
  }
}
