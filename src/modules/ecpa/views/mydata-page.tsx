// MyData 履歷表下載 (ECPA-6): what the file holds, how to keep it, and the download (a plain link: a GET that
// works without JavaScript).
import type { PageContext } from '../../../platform/http/context.ts';
import { ecpaPaths } from '../ecpa.paths.ts';
import { EcpaPage, msgs } from './parts.tsx';

export function MydataPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const m = msgs(ctx);
  return (
    <EcpaPage ctx={ctx} title={m['title.mydata']}>
      <p safe>{m['mydata.intro']}</p>
      <p safe>{m['mydata.holds']}</p>
      <p safe>{m['mydata.privacy']}</p>
      <p safe>{m['mydata.correct']}</p>
      <p class="actions">
        <a href={ecpaPaths.mydataResume} class="button" download="" safe>
          {m['mydata.download']}
        </a>{' '}
        <a href={ecpaPaths.apps} safe>
          {m['mydata.back']}
        </a>
      </p>
    </EcpaPage>
  );
}
