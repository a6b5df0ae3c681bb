import { Disclosure, DisclosurePanel, DisclosureTitle, LabeledValue, Slider, Switch } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { PAGE_SETS, type PageSet, pageSetShare } from './ams-form'
import { AssetsTestFiles } from './assets-test-files'
import type { TabProps } from './configuration-tab'

const column = style({ display: 'flex', flexDirection: 'column', gap: 12 })
const note = style({ font: 'body-sm', margin: 0, color: 'neutral-subdued' })
const error = style({ font: 'ui-sm', color: 'negative', margin: 0 })

/**
 * Stage Testing of the AMS dialogs (spec §C.3): which page sets the Sites performance test
 * loads (traffic split equally among them) and how the Assets performance test divides its
 * uploads between images and PDFs (always 100% together), and which custom files it uploads.
 */
export function AmsStageTestingTab({ form, errors, onChange, savedTestFiles = [] }: TabProps) {
  const ams = form.ams
  const share = pageSetShare(ams.pageSets.length)
  const toggle = (set: PageSet, on: boolean) =>
    onChange({
      ams: {
        ...ams,
        pageSets: on
          ? PAGE_SETS.map((s) => s.id).filter((id) => id === set || ams.pageSets.includes(id))
          : ams.pageSets.filter((s) => s !== set),
      },
    })
  const setImages = (images: number) => onChange({ ams: { ...ams, imagesPercent: Math.round(images) } })
  return (
    <div className={column}>
      <p className={note}>
        Security Testing and Performance Testing run on stage after every deployment; these settings shape the performance tests.
      </p>
      <Disclosure defaultExpanded>
        <DisclosureTitle>Sites content delivery/distributed load weight</DisclosureTitle>
        <DisclosurePanel>
          <div role="group" aria-label="Page sets" aria-describedby="page-sets-error" className={column}>
            {PAGE_SETS.map(({ id, label }) => {
              const on = ams.pageSets.includes(id)
              return (
                <Switch key={id} isSelected={on} onChange={(next) => toggle(id, next)}>
                  {`${label} (${on ? share : 0}%)`}
                </Switch>
              )
            })}
            {errors.pageSets ? (
              <p id="page-sets-error" className={error}>
                {errors.pageSets}
              </p>
            ) : (
              <p className={note}>Traffic is split equally among the enabled page sets.</p>
            )}
          </div>
        </DisclosurePanel>
      </Disclosure>
      <Disclosure defaultExpanded>
        <DisclosureTitle>Assets performance testing distribution</DisclosureTitle>
        <DisclosurePanel>
          <div className={column}>
            <div className={style({ display: 'flex', gap: 24, flexWrap: 'wrap' })}>
              <LabeledValue label="Assets Uploaded" value="5 assets/minute" />
              <LabeledValue label="95th Percentile Processing Time" value="10 seconds" />
              <LabeledValue label="Test Duration" value="30 minutes" />
            </div>
            <Slider
              label="Images"
              minValue={0}
              maxValue={100}
              value={ams.imagesPercent}
              onChange={setImages}
              formatOptions={{ style: 'unit', unit: 'percent' }}
              styles={style({ width: 320 })}
            />
            <Slider
              label="PDFs"
              minValue={0}
              maxValue={100}
              value={100 - ams.imagesPercent}
              onChange={(pdfs) => setImages(100 - pdfs)}
              formatOptions={{ style: 'unit', unit: 'percent' }}
              styles={style({ width: 320 })}
            />
            {errors.assetsSplit ? <p className={error}>{errors.assetsSplit}</p> : null}
            <p className={note}>The two shares always add up to 100%.</p>
            <AssetsTestFiles
              files={ams.testFiles}
              saved={savedTestFiles}
              onChange={(testFiles) => onChange({ ams: { ...ams, testFiles } })}
              errorMessage={errors.testFiles}
            />
          </div>
        </DisclosurePanel>
      </Disclosure>
    </div>
  )
}
