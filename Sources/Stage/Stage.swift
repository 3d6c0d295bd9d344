internal import CSDL2
import SessionModel
