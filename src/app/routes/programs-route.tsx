import { ProgramsPage } from '../../features/programs/programs-page'

export { ProgramsPage as Component }
