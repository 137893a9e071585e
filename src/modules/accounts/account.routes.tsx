// Applicant accounts on the 不須具公務人員任用資格職缺應徵平台 (ACC-1 … ACC-8). Routes, by page:
//   /platform/register (+ /sent)          註冊                       signup.routes.tsx
//   /platform/activate?token=             啟用 (also 變更帳號's link)
//   /platform/resend (+ /sent)            重寄確認信
//   /platform/login                       登入                       signin.routes.tsx
//   /platform/forgot (+ /sent)            忘記密碼
//   /platform/reset?token=                重設密碼
//   /platform/account/password            變更密碼 (applicant)       settings.routes.tsx
//   /platform/account/email               變更帳號 (applicant)
//   /platform/resume                      履歷填寫 placeholder (applicant)
//   /platform/session/keepalive           繼續使用 (applicant)
// 登出 is POST /logout (platform).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../container.ts';
import { settingsRoutes } from './settings.routes.tsx';
import { signinRoutes } from './signin.routes.tsx';
import { signupRoutes } from './signup.routes.tsx';

export async function accountRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await signupRoutes(app, services);
  await signinRoutes(app, services);
  await settingsRoutes(app, services);
}
