internal import CBlueZ
import SessionModel
