import { Content, Heading, InlineAlert, TextField } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { AmsProductionOptions } from './ams-configuration-tab'
import type { TabProps } from './configuration-tab'
import { DispatcherConfiguration } from './dispatcher-configuration'
import { ProductionOptions } from './production-options'

/** The single page of Add Production Only Pipeline (spec §C.6): no repository, branch or trigger. */
export function ProdOnlyTab(props: TabProps) {
  const { form, errors, onChange, isEdit = false, flavour } = props
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 16 })}>
      {isEdit ? null : (
        <InlineAlert variant="notice">
          <Heading>Risk of code rollbacks</Heading>
          <Content>
            A production only pipeline always deploys the artifacts of the stage-only pipeline, regardless of what the standard
            production pipeline may have deployed to stage in the meantime. Running both can roll code back on production; Adobe
            recommends to stop using the standard production pipeline once you use stage-only and production only pipelines.
          </Content>
        </InlineAlert>
      )}
      <TextField
        label="Pipeline Name"
        autoFocus
        isRequired
        value={form.name}
        onChange={(name) => onChange({ name })}
        isInvalid={errors.name !== undefined}
        errorMessage={errors.name}
        validationBehavior="aria"
        styles={style({ width: 'full', maxWidth: 400 })}
      />
      {flavour === 'ams' ? (
        <>
          <AmsProductionOptions props={props} />
          <DispatcherConfiguration
            environment="Production"
            paths={form.ams.prodPaths}
            onChange={(prodPaths) => onChange({ ams: { ...form.ams, prodPaths } })}
            errorMessage={errors.dispatcherProd}
          />
        </>
      ) : (
        <ProductionOptions form={form} onChange={onChange} withSchedule={false} />
      )}
    </div>
  )
}
