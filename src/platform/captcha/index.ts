// Captcha (ACC-1, ACC-4, SYS-5): image + spoken digits, bound to the visitor's session, single use, 5 minutes.
export { ANSWER_MAX_LENGTH, CHALLENGE_TTL_MS, CODE_LENGTH, captchaErrorMessage, generateCode, normaliseAnswer, type CaptchaRefusal, type RandomInt } from './captcha.rules.ts';
export { currentCode, issueCaptcha, purgeCaptchas, verifyCaptcha, type CaptchaDeps, type CaptchaResult, type IssuedCaptcha } from './captcha.service.ts';
export { captchaSvg } from './captcha.image.ts';
export { captchaWav, loadDigitClips } from './captcha.audio.ts';
export { captchaRoutes, checkCaptcha, prepareCaptcha } from './captcha.routes.ts';
export { CAPTCHA_FIELD_ID, CAPTCHA_FIELD_NAME, CaptchaField, type CaptchaFieldProps } from './captcha.field.tsx';
